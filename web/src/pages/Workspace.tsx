// /tong-quan/CODE: a unit's workspace by address, for users whose scope covers the unit.
import type { PageProps } from '../routes.ts';
import { UnitWorkspace } from '../components/Overview.tsx';

export default function Workspace({ params }: PageProps) {
  return <UnitWorkspace key={params.code} code={params.code!} />;
}

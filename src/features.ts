// The list of feature route modules, in one place. Each feature owns its folder under src/.
import type { FeatureRoutes } from './kernel/http.ts';

export const features: FeatureRoutes[] = [];

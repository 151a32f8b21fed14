// The indicator catalogue and its codes in words (ind.*, indicators.*), also read by the monitoring form. English: typed by the Vietnamese keys
// (../vi/ind.ts), loaded when the English locale needs it.
import type { Catalogue } from '../format.ts';
import type { strings as vi } from '../vi/ind.ts';

export const strings: Catalogue<typeof vi> = {
  'indicators.intro':
    'The indicators used in social policy plans and reports. Each has a stable code, a unit of measure, an aggregation rule and a data source.',
  'indicators.filter': 'Filter by name or code',
  'indicators.code': 'Code',
  'indicators.name': 'Indicator',
  'indicators.unit': 'Unit',
  'indicators.kind': 'Kind',
  'indicators.direction': 'Better when',
  'indicators.source': 'Data source',
  'indicators.higher': 'Higher is better',
  'indicators.lower': 'Lower is better',
  'indicators.empty': 'The catalogue has no indicators yet.',
  'ind.kind.rate': 'Rate',
  'ind.kind.count': 'Count',
  'ind.kind.average': 'Average',
  'ind.kind.level': 'Level',
  'ind.direction.target_band': 'Within the target band',
  'ind.source.reported': 'Reported by units',
  'ind.source.registry': 'Computed from the registry',
  'ind.source.survey': 'Survey',
  'ind.area.labour_merit': 'Labour, jobs, meritorious people',
  'ind.area.social_assistance': 'Social assistance',
  'ind.area.poverty': 'Poverty reduction',
  'ind.area.education': 'Education',
  'ind.area.health': 'Health',
  'ind.area.housing': 'Housing',
  'ind.area.water_sanitation': 'Water and sanitation',
  'ind.area.culture_information': 'Culture and information',
  'indicators.area': 'Area',
  'indicators.allAreas': 'All areas',
};

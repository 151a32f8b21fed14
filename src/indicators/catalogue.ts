// The indicator catalogue: every indicator the Resolution 42 plans set targets for, and those
// the registry computes. One place for each fact: plans, monitoring and the registry read it.
// Names follow the plans' wording; `synonyms` are phrases as documents write them.
import { text, type Text } from '../kernel/i18n.ts';
import { checkCatalogue, defineIndicator, type Area, type Direction, type Disaggregation, type Indicator, type Source } from './model.ts';

interface RateOpts {
  readonly direction?: Direction;
  readonly source?: Source;
  readonly dis?: readonly Disaggregation[];
  readonly syn?: readonly string[];
}

/** A percentage: numerator / denominator × 100, aggregated from summed parts. */
function rate(code: string, name: Text, area: Area, numerator: Text, denominator: Text, o: RateOpts = {}): Indicator {
  return defineIndicator({ code, name, unit: '%', kind: 'rate', direction: o.direction ?? 'higher_better', numerator, denominator, source: o.source ?? 'reported', area, disaggregations: o.dis ?? [], synonyms: o.syn ?? [] });
}

const SEX_AREA: Disaggregation[] = ['sex', 'area'];
const ALL: Disaggregation[] = ['sex', 'ethnicity', 'area'];
const t = text;

export const catalogue: readonly Indicator[] = [
  // ── Labour, people with meritorious service ─────────────────────────────────────────────
  rate('merit_households_above_average', t('Tỷ lệ hộ người có công có mức sống từ trung bình khá trở lên so với cộng đồng', 'Share of meritorious-service households living at or above the community average'), 'labour_merit',
    t('Số hộ người có công có mức sống từ trung bình khá trở lên', 'Meritorious-service households at or above average living standard'), t('Tổng số hộ người có công', 'Meritorious-service households'),
    { source: 'registry', syn: ['người có công và gia đình người có công với cách mạng được chăm lo toàn diện', 'người có công có mức sống từ trung bình khá trở lên', 'người có công có mức sống bằng hoặc cao hơn mức sống trung bình'] }),
  rate('unemployment_rate', t('Tỷ lệ thất nghiệp chung', 'Unemployment rate'), 'labour_merit', t('Số người thất nghiệp', 'Unemployed persons'), t('Lực lượng lao động', 'Labour force'),
    { direction: 'lower_better', source: 'survey', dis: SEX_AREA, syn: ['tỷ lệ thất nghiệp chung', 'tỷ lệ thất nghiệp'] }),
  rate('urban_unemployment_rate', t('Tỷ lệ thất nghiệp khu vực thành thị', 'Urban unemployment rate'), 'labour_merit', t('Số người thất nghiệp ở thành thị', 'Unemployed persons, urban'), t('Lực lượng lao động thành thị', 'Urban labour force'),
    { direction: 'lower_better', source: 'survey', dis: ['sex'], syn: ['tỷ lệ thất nghiệp khu vực thành thị', 'thất nghiệp thành thị'] }),
  rate('trained_workers_rate', t('Tỷ lệ lao động qua đào tạo', 'Share of trained workers'), 'labour_merit', t('Số lao động qua đào tạo', 'Trained workers'), t('Lực lượng lao động', 'Labour force'),
    { source: 'survey', dis: SEX_AREA, syn: ['tỷ lệ lao động qua đào tạo', 'lao động qua đào tạo'] }),
  rate('trained_workers_certified_rate', t('Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ', 'Share of trained workers with a degree or certificate'), 'labour_merit', t('Số lao động có bằng cấp, chứng chỉ', 'Workers with a degree or certificate'), t('Lực lượng lao động', 'Labour force'),
    { source: 'survey', dis: SEX_AREA, syn: ['lao động qua đào tạo có bằng cấp, chứng chỉ', 'có bằng cấp, chứng chỉ'] }),
  rate('social_insurance_coverage', t('Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội', 'Share of the working-age labour force with social insurance'), 'labour_merit', t('Số người tham gia BHXH', 'Persons with social insurance'), t('Lực lượng lao động trong độ tuổi', 'Working-age labour force'),
    { dis: ['sex'], syn: ['lực lượng lao động trong độ tuổi lao động tham gia BHXH', 'lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm xã hội', 'tham gia bảo hiểm xã hội', 'tham gia BHXH'] }),
  rate('unemployment_insurance_coverage', t('Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm thất nghiệp', 'Share of the working-age labour force with unemployment insurance'), 'labour_merit', t('Số người tham gia BHTN', 'Persons with unemployment insurance'), t('Lực lượng lao động trong độ tuổi', 'Working-age labour force'),
    { dis: ['sex'], syn: ['tham gia bảo hiểm thất nghiệp', 'tham gia BHTN'] }),
  rate('retirement_age_pension_rate', t('Tỷ lệ người sau độ tuổi nghỉ hưu được hưởng lương hưu, BHXH hằng tháng và trợ cấp hưu trí xã hội', 'Share of people past retirement age receiving a pension, monthly social insurance or social pension'), 'labour_merit',
    t('Số người sau độ tuổi nghỉ hưu được hưởng lương hưu, BHXH hằng tháng, trợ cấp hưu trí xã hội', 'People past retirement age with a pension or allowance'), t('Số người sau độ tuổi nghỉ hưu', 'People past retirement age'),
    { source: 'registry', dis: ['sex'], syn: ['số người sau độ tuổi nghỉ hưu được hưởng lương hưu', 'sau độ tuổi nghỉ hưu được hưởng lương hưu, bảo hiểm xã hội hàng tháng và trợ cấp hưu trí xã hội'] }),
  defineIndicator({ code: 'jobs_created', name: t('Số lao động được giải quyết việc làm', 'Workers helped into jobs'), unit: 'persons', kind: 'count', direction: 'higher_better', source: 'reported', area: 'labour_merit', disaggregations: ['sex'], synonyms: ['giải quyết việc làm', 'tạo việc làm'] }),
  defineIndicator({ code: 'overseas_contract_workers', name: t('Số người đi làm việc ở nước ngoài theo hợp đồng', 'Workers going abroad on contract'), unit: 'persons', kind: 'count', direction: 'higher_better', source: 'reported', area: 'labour_merit', synonyms: ['đi làm việc ở nước ngoài theo hợp đồng', 'xuất khẩu lao động'] }),
  defineIndicator({ code: 'merit_persons', name: t('Số người có công với cách mạng đang hưởng trợ cấp', 'People with meritorious service receiving allowances'), unit: 'persons', kind: 'count', direction: 'target_band', source: 'registry', area: 'labour_merit', synonyms: ['người có công đang hưởng trợ cấp'] }),

  // ── Social assistance ─────────────────────────────────────────────────────────────────
  rate('vulnerable_poor_households_assisted_rate', t('Tỷ lệ hộ nghèo, cận nghèo chăm sóc trẻ dưới 36 tháng, phụ nữ mang thai, người cao tuổi cô đơn được hưởng trợ cấp xã hội', 'Share of poor and near-poor households caring for under-36-month children, pregnant women or lonely elderly that receive social assistance'), 'social_assistance',
    t('Số hộ được hưởng trợ cấp', 'Households receiving assistance'), t('Số hộ thuộc diện', 'Eligible households'),
    { source: 'registry', syn: ['hộ gia đình chăm sóc trẻ em dưới 36 tháng tuổi', 'chăm sóc trẻ em dưới 36 tháng tuổi, phụ nữ mang thai, người cao tuổi', 'được hưởng trợ cấp xã hội theo quy định'] }),
  rate('social_assistance_coverage', t('Tỷ lệ đối tượng đủ điều kiện được hưởng trợ cấp xã hội hằng tháng', 'Share of eligible people receiving monthly social assistance'), 'social_assistance',
    t('Số người đang hưởng trợ cấp xã hội hằng tháng', 'People receiving monthly social assistance'), t('Số người đủ điều kiện hưởng', 'People eligible'),
    { source: 'registry', dis: ['sex', 'age_group'], syn: ['đối tượng bảo trợ xã hội được hưởng trợ cấp', 'trợ cấp xã hội hằng tháng'] }),
  defineIndicator({ code: 'social_assistance_beneficiaries', name: t('Số người hưởng trợ cấp xã hội hằng tháng', 'Monthly social assistance beneficiaries'), unit: 'persons', kind: 'count', direction: 'target_band', source: 'registry', area: 'social_assistance', disaggregations: ['sex', 'age_group'], synonyms: ['đối tượng bảo trợ xã hội', 'hưởng trợ cấp xã hội hằng tháng'] }),
  defineIndicator({ code: 'social_pension_recipients', name: t('Số người hưởng trợ cấp hưu trí xã hội', 'Social pension recipients'), unit: 'persons', kind: 'count', direction: 'target_band', source: 'registry', area: 'social_assistance', disaggregations: ['sex'], synonyms: ['trợ cấp hưu trí xã hội'] }),
  rate('cashless_payment_rate', t('Tỷ lệ chi trả chế độ chính sách không dùng tiền mặt', 'Share of benefit payments made cashless'), 'social_assistance',
    t('Số lượt chi trả qua tài khoản, ví điện tử', 'Payments to an account or e-wallet'), t('Tổng số lượt chi trả', 'All payments'),
    { source: 'registry', syn: ['chi trả không dùng tiền mặt', 'thanh toán không dùng tiền mặt'] }),
  rate('social_security_number_rate', t('Tỷ lệ người dân được cấp mã số an sinh xã hội', 'Share of people with a social security number'), 'social_assistance', t('Số người có mã số an sinh xã hội', 'People with a social security number'), t('Dân số', 'Population'),
    { source: 'registry', syn: ['mã số an sinh xã hội'] }),

  // ── Poverty ───────────────────────────────────────────────────────────────────────────
  rate('poor_household_rate', t('Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều)', 'Poor household rate (multidimensional standard)'), 'poverty', t('Số hộ nghèo', 'Poor households'), t('Tổng số hộ dân cư', 'All households'),
    { direction: 'lower_better', source: 'registry', dis: ['ethnicity', 'area'], syn: ['tỷ lệ hộ nghèo', 'hộ nghèo'] }),
  rate('near_poor_household_rate', t('Tỷ lệ hộ cận nghèo', 'Near-poor household rate'), 'poverty', t('Số hộ cận nghèo', 'Near-poor households'), t('Tổng số hộ dân cư', 'All households'),
    { direction: 'lower_better', source: 'registry', dis: ['ethnicity', 'area'], syn: ['tỷ lệ hộ cận nghèo', 'hộ cận nghèo'] }),
  defineIndicator({ code: 'poor_household_rate_reduction', name: t('Mức giảm tỷ lệ hộ nghèo bình quân hằng năm (điểm %)', 'Average annual reduction of the poor household rate (percentage points)'), unit: '%', kind: 'average', direction: 'higher_better', denominator: t('Số năm', 'Years'), factor: 1, source: 'registry', area: 'poverty', synonyms: ['tỷ lệ hộ nghèo giảm', 'giảm tỷ lệ hộ nghèo bình quân'] }),
  rate('relapse_poverty_rate', t('Tỷ lệ hộ tái nghèo và phát sinh nghèo mới', 'Share of households falling back into or newly into poverty'), 'poverty', t('Số hộ tái nghèo, phát sinh mới', 'Households relapsed or newly poor'), t('Số hộ nghèo', 'Poor households'),
    { direction: 'lower_better', source: 'registry', syn: ['tỷ lệ tái nghèo và phát sinh mới', 'tái nghèo'] }),
  defineIndicator({ code: 'poor_households', name: t('Số hộ nghèo', 'Poor households'), unit: 'households', kind: 'count', direction: 'lower_better', source: 'registry', area: 'poverty', disaggregations: ['ethnicity'], synonyms: ['số hộ nghèo'] }),
  defineIndicator({ code: 'near_poor_households', name: t('Số hộ cận nghèo', 'Near-poor households'), unit: 'households', kind: 'count', direction: 'lower_better', source: 'registry', area: 'poverty', disaggregations: ['ethnicity'], synonyms: ['số hộ cận nghèo'] }),
  rate('health_insurance_coverage_registry', t('Tỷ lệ người trong sổ hộ có thẻ bảo hiểm y tế', 'Health-insurance coverage of registered persons'), 'poverty', t('Số người có thẻ BHYT còn hạn', 'Persons with a valid health-insurance card'), t('Số người trong sổ hộ', 'Registered persons'),
    { source: 'registry', dis: ALL, syn: ['người trong sổ hộ có thẻ bảo hiểm y tế'] }),

  // ── Education ─────────────────────────────────────────────────────────────────────────
  rate('preschool_universal_districts_rate', t('Tỷ lệ huyện, thành phố duy trì đạt chuẩn phổ cập giáo dục mầm non cho trẻ em 5 tuổi', 'Share of districts keeping the universal preschool standard for 5-year-olds'), 'education',
    t('Số huyện đạt chuẩn', 'Districts meeting the standard'), t('Tổng số huyện', 'Districts'), { syn: ['duy trì đạt chuẩn phổ cập giáo dục mầm non cho trẻ em 5 tuổi', 'huyện, thành phố duy trì đạt chuẩn phổ cập giáo dục mầm non'] }),
  defineIndicator({ code: 'preschool_universal_level', name: t('Mức chuẩn phổ cập giáo dục mầm non trẻ 3–5 tuổi (1 = đạt chuẩn)', 'Universal preschool education for ages 3–5 (1 = standard met)'), unit: 'level', kind: 'level', direction: 'higher_better', source: 'reported', area: 'education', synonyms: ['phổ cập giáo dục mầm non cho trẻ từ 3 đến 5 tuổi', 'phổ cập GDMN cho trẻ từ 3 đến 5 tuổi', 'phổ cập giáo dục mầm non cho trẻ mẫu giáo từ 3 đến 5 tuổi'] }),
  defineIndicator({ code: 'primary_universal_level', name: t('Mức độ đạt chuẩn phổ cập giáo dục tiểu học', 'Universal primary education standard level'), unit: 'level', kind: 'level', direction: 'higher_better', source: 'reported', area: 'education', synonyms: ['chuẩn phổ cập giáo dục tiểu học mức độ', 'phổ cập giáo dục tiểu học'] }),
  defineIndicator({ code: 'lower_secondary_universal_level', name: t('Mức độ đạt chuẩn phổ cập giáo dục trung học cơ sở', 'Universal lower-secondary education standard level'), unit: 'level', kind: 'level', direction: 'higher_better', source: 'reported', area: 'education', synonyms: ['chuẩn phổ cập giáo dục trung học cơ sở mức độ', 'phổ cập giáo dục trung học cơ sở'] }),
  defineIndicator({ code: 'literacy_level', name: t('Mức độ đạt chuẩn xóa mù chữ', 'Literacy standard level'), unit: 'level', kind: 'level', direction: 'higher_better', source: 'reported', area: 'education', synonyms: ['xóa mù chữ mức độ', 'chuẩn xóa mù chữ'] }),
  rate('literacy_level1_districts_rate', t('Tỷ lệ huyện, thành phố đạt chuẩn xóa mù chữ mức độ 1', 'Share of districts meeting literacy standard level 1'), 'education', t('Số huyện đạt chuẩn', 'Districts meeting it'), t('Tổng số huyện', 'Districts'),
    { syn: ['huyện, thành phố đạt chuẩn xóa mù chữ mức độ 1'] }),
  rate('literacy_level2_communes_rate', t('Tỷ lệ xã, phường, thị trấn đạt chuẩn xóa mù chữ mức độ 2', 'Share of communes meeting literacy standard level 2'), 'education', t('Số xã đạt chuẩn', 'Communes meeting it'), t('Tổng số xã', 'Communes'),
    { syn: ['xã, phường, thị trấn đạt mức độ 2'] }),
  rate('preschool_enrolment_rate', t('Tỷ lệ huy động học sinh mẫu giáo đến trường', 'Preschool enrolment rate'), 'education', t('Số trẻ mẫu giáo đến trường', 'Preschool children attending'), t('Số trẻ trong độ tuổi mẫu giáo', 'Children of preschool age'),
    { dis: ['sex', 'ethnicity'], syn: ['tỷ lệ huy động học sinh mẫu giáo đến trường', 'tỷ lệ học sinh mẫu giáo đến trường', 'huy động trẻ mẫu giáo đến trường'] }),
  rate('primary_enrolment_rate', t('Tỷ lệ học sinh trong độ tuổi tiểu học đến trường', 'Primary school attendance rate'), 'education', t('Số học sinh tiểu học đúng độ tuổi đến trường', 'Primary-age children attending'), t('Số trẻ trong độ tuổi tiểu học', 'Primary-age children'),
    { dis: ['sex', 'ethnicity'], syn: ['tỷ lệ học sinh trong độ tuổi tiểu học đến trường', 'tỷ lệ đi học đúng độ tuổi cấp tiểu học'] }),
  rate('lower_secondary_enrolment_rate', t('Tỷ lệ học sinh trong độ tuổi trung học cơ sở đến trường', 'Lower-secondary attendance rate'), 'education', t('Số học sinh THCS đúng độ tuổi đến trường', 'Lower-secondary-age children attending'), t('Số trẻ trong độ tuổi THCS', 'Lower-secondary-age children'),
    { dis: ['sex', 'ethnicity'], syn: ['tỷ lệ học sinh trong độ tuổi trung học cơ sở đến trường', 'tỷ lệ học sinh trong độ tuổi THCS đến trường', 'cấp trung học cơ sở'] }),
  rate('upper_secondary_enrolment_rate', t('Tỷ lệ học sinh trong độ tuổi trung học phổ thông đến trường', 'Upper-secondary attendance rate'), 'education', t('Số học sinh THPT và tương đương đúng độ tuổi', 'Upper-secondary-age youth attending'), t('Số người trong độ tuổi THPT', 'Upper-secondary-age youth'),
    { dis: ['sex', 'ethnicity'], syn: ['tỷ lệ học sinh trong độ tuổi trung học phổ thông đến trường', 'tỷ lệ học sinh trong độ tuổi THPT đến trường', 'cấp trung học phổ thông và tương đương'] }),
  rate('national_standard_schools_rate', t('Tỷ lệ trường đạt chuẩn quốc gia', 'Share of schools meeting the national standard'), 'education', t('Số trường đạt chuẩn quốc gia', 'Schools meeting the standard'), t('Tổng số trường', 'Schools'),
    { syn: ['tỷ lệ trường đạt chuẩn quốc gia', 'trường đạt chuẩn quốc gia'] }),
  rate('school_dropout_rate', t('Tỷ lệ học sinh bỏ học', 'School dropout rate'), 'education', t('Số học sinh bỏ học', 'Pupils dropping out'), t('Tổng số học sinh', 'Pupils'),
    { direction: 'lower_better', dis: ['sex', 'ethnicity'], syn: ['học sinh bỏ học'] }),

  // ── Health and population ───────────────────────────────────────────────────────────────
  defineIndicator({ code: 'life_expectancy', name: t('Tuổi thọ trung bình', 'Life expectancy'), unit: 'years', kind: 'average', direction: 'higher_better', denominator: t('Dân số', 'Population'), source: 'survey', area: 'health', disaggregations: ['sex'], synonyms: ['tuổi thọ trung bình'] }),
  defineIndicator({ code: 'healthy_life_years', name: t('Số năm sống khỏe', 'Healthy life years'), unit: 'years', kind: 'average', direction: 'higher_better', denominator: t('Dân số', 'Population'), source: 'survey', area: 'health', synonyms: ['số năm sống khỏe'] }),
  defineIndicator({ code: 'hdi_group', name: t('Nhóm chỉ số phát triển con người (HDI)', 'Human development index group'), unit: 'group', kind: 'level', direction: 'lower_better', source: 'survey', area: 'health', synonyms: ['chỉ số phát triển con người HDI', 'nhóm có chỉ số HDI cao'] }),
  defineIndicator({ code: 'total_fertility_rate', name: t('Tổng tỷ suất sinh (mức sinh)', 'Total fertility rate'), unit: 'level', kind: 'level', direction: 'target_band', source: 'survey', area: 'health', synonyms: ['mức sinh thay thế'] }),
  defineIndicator({ code: 'hospital_beds_per_10000', name: t('Số giường bệnh trên 10.000 dân', 'Hospital beds per 10,000 people'), unit: 'per_10000', kind: 'rate', direction: 'higher_better', numerator: t('Số giường bệnh', 'Hospital beds'), denominator: t('Dân số', 'Population'), source: 'reported', area: 'health', synonyms: ['giường bệnh'] }),
  defineIndicator({ code: 'doctors_per_10000', name: t('Số bác sĩ trên 10.000 dân', 'Doctors per 10,000 people'), unit: 'per_10000', kind: 'rate', direction: 'higher_better', numerator: t('Số bác sĩ', 'Doctors'), denominator: t('Dân số', 'Population'), source: 'reported', area: 'health', synonyms: ['bác sĩ'] }),
  defineIndicator({ code: 'pharmacists_per_10000', name: t('Số dược sĩ đại học trên 10.000 dân', 'University-trained pharmacists per 10,000 people'), unit: 'per_10000', kind: 'rate', direction: 'higher_better', numerator: t('Số dược sĩ đại học', 'Pharmacists'), denominator: t('Dân số', 'Population'), source: 'reported', area: 'health', synonyms: ['dược sĩ đại học', 'dược sĩ'] }),
  defineIndicator({ code: 'nurses_per_10000', name: t('Số điều dưỡng trên 10.000 dân', 'Nurses per 10,000 people'), unit: 'per_10000', kind: 'rate', direction: 'higher_better', numerator: t('Số điều dưỡng', 'Nurses'), denominator: t('Dân số', 'Population'), source: 'reported', area: 'health', synonyms: ['điều dưỡng'] }),
  rate('health_insurance_coverage', t('Tỷ lệ dân số tham gia bảo hiểm y tế', 'Health insurance coverage'), 'health', t('Số người tham gia BHYT', 'Persons with health insurance'), t('Dân số', 'Population'),
    { dis: ALL, syn: ['tỷ lệ dân số tham gia bảo hiểm y tế', 'dân số tham gia BHYT', 'dân số tham gia bảo hiểm y tế', 'tham gia bảo hiểm y tế', 'tham gia BHYT'] }),
  rate('primary_care_insured_rate', t('Tỷ lệ người dân sử dụng dịch vụ chăm sóc ban đầu tại y tế cơ sở được bảo hiểm y tế chi trả', 'Share of primary care at grassroots facilities paid by health insurance'), 'health',
    t('Số lượt khám chữa bệnh ban đầu được BHYT chi trả', 'Primary-care visits paid by health insurance'), t('Tổng số lượt khám chữa bệnh ban đầu', 'Primary-care visits'),
    { syn: ['sử dụng dịch vụ chăm sóc ban đầu tại y tế cơ sở được bảo hiểm y tế chi trả', 'dịch vụ chăm sóc ban đầu tại y tế cơ sở được BHYT chi trả', 'dịch vụ chăm sóc ban đầu tại cơ sở y tế được bảo hiểm y tế chi trả'] }),
  rate('population_health_managed_rate', t('Tỷ lệ dân số được quản lý sức khỏe', 'Share of the population with managed health records'), 'health', t('Số người được quản lý sức khỏe', 'People with managed health'), t('Dân số', 'Population'),
    { syn: ['dân số được quản lý sức khỏe', 'được quản lý sức khỏe'] }),
  rate('electronic_health_records_rate', t('Tỷ lệ dân số được quản lý hồ sơ sức khỏe điện tử', 'Share of the population with an electronic health record'), 'health', t('Số người có hồ sơ sức khỏe điện tử', 'People with an electronic health record'), t('Dân số', 'Population'),
    { syn: ['dân số được quản lý hồ sơ sức khỏe điện tử', 'hồ sơ sức khỏe điện tử'] }),
  rate('immunization_rate', t('Tỷ lệ tiêm chủng mở rộng', 'Expanded immunisation coverage'), 'health', t('Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ', 'Fully immunised children under 1'), t('Số trẻ dưới 1 tuổi', 'Children under 1'),
    { dis: ['sex', 'ethnicity'], syn: ['tỷ lệ tiêm chủng mở rộng', 'tiêm chủng mở rộng'] }),
  rate('stunting_under5_rate', t('Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi', 'Under-5 stunting rate'), 'health', t('Số trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi', 'Stunted children under 5'), t('Số trẻ dưới 5 tuổi được cân đo', 'Children under 5 measured'),
    { direction: 'lower_better', dis: ['sex', 'ethnicity'], syn: ['tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi', 'suy dinh dưỡng thể thấp còi'] }),
  rate('commune_health_standard_rate', t('Tỷ lệ xã đạt tiêu chí quốc gia về y tế xã', 'Share of communes meeting the national commune-health criteria'), 'health', t('Số xã đạt', 'Communes meeting them'), t('Tổng số xã', 'Communes'),
    { syn: ['xã đạt tiêu chí quốc gia về y tế xã', 'tiêu chí quốc gia về y tế'] }),

  // ── Housing ───────────────────────────────────────────────────────────────────────────
  defineIndicator({ code: 'social_housing_units', name: t('Số căn nhà ở xã hội được đầu tư xây dựng', 'Social housing units built'), unit: 'houses', kind: 'count', direction: 'higher_better', source: 'reported', area: 'housing', synonyms: ['căn nhà ở xã hội', 'nhà ở xã hội cho người thu nhập thấp'] }),
  defineIndicator({ code: 'temporary_houses_remaining', name: t('Số nhà tạm, nhà dột nát còn lại của hộ nghèo, cận nghèo', 'Temporary and dilapidated houses remaining (poor and near-poor households)'), unit: 'houses', kind: 'count', direction: 'lower_better', source: 'registry', area: 'housing', synonyms: ['xóa bỏ nhà tạm, nhà dột nát', 'xóa nhà tạm, nhà dột nát', 'nhà tạm, nhà dột nát'] }),
  defineIndicator({ code: 'housing_floor_area_per_person', name: t('Diện tích nhà ở bình quân đầu người', 'Average housing floor area per person'), unit: 'm2_per_person', kind: 'average', direction: 'higher_better', denominator: t('Dân số', 'Population'), source: 'survey', area: 'housing', synonyms: ['diện tích nhà ở bình quân đầu người', 'diện tích nhà ở bình quân'] }),

  // ── Water, sanitation, environment ─────────────────────────────────────────────────────
  rate('urban_piped_water_rate', t('Tỷ lệ dân số đô thị được cung cấp nước sạch qua hệ thống cấp nước tập trung', 'Share of the urban population supplied with clean water by central systems'), 'water_sanitation',
    t('Dân số đô thị được cấp nước sạch tập trung', 'Urban residents with central clean water'), t('Dân số đô thị', 'Urban population'), { syn: ['dân số đô thị được cung cấp nước sạch qua hệ thống cấp nước tập trung'] }),
  rate('hygienic_water_rate', t('Tỷ lệ dân cư (nông thôn) được sử dụng nước hợp vệ sinh', 'Share of (rural) residents using hygienic water'), 'water_sanitation', t('Số người dùng nước hợp vệ sinh', 'Residents using hygienic water'), t('Dân số', 'Population'),
    { dis: ['area'], syn: ['dân cư nông thôn được sử dụng nước hợp vệ sinh', 'dân cư được sử dụng nước hợp vệ sinh', 'nước hợp vệ sinh'] }),
  rate('rural_clean_water_rate', t('Tỷ lệ dân cư nông thôn được sử dụng nước sạch đạt chất lượng theo quy chuẩn', 'Share of rural residents using clean water meeting the standard'), 'water_sanitation', t('Số người dùng nước sạch đạt quy chuẩn', 'Residents using standard clean water'), t('Dân số nông thôn', 'Rural population'),
    { syn: ['dân cư nông thôn được sử dụng nước sạch đạt chất lượng theo quy chuẩn', 'sử dụng nước sạch đạt chất lượng theo quy chuẩn', 'hộ gia đình ở nông thôn sử dụng nước sạch theo tiêu chuẩn', 'nước sạch theo tiêu chuẩn'] }),
  rate('household_latrine_rate', t('Tỷ lệ hộ gia đình có công trình phụ hợp vệ sinh', 'Share of households with a hygienic latrine'), 'water_sanitation', t('Số hộ có công trình phụ hợp vệ sinh', 'Households with a hygienic latrine'), t('Tổng số hộ', 'Households'),
    { source: 'registry', dis: ['area'], syn: ['hộ gia đình có công trình phụ hợp vệ sinh', 'hộ gia đình'] }),
  rate('school_latrine_rate', t('Tỷ lệ trường học có công trình phụ hợp vệ sinh', 'Share of schools with hygienic latrines'), 'water_sanitation', t('Số trường có công trình phụ hợp vệ sinh', 'Schools with hygienic latrines'), t('Tổng số trường', 'Schools'),
    { syn: ['trường học có công trình phụ hợp vệ sinh', 'trường học'] }),
  rate('health_station_latrine_rate', t('Tỷ lệ trạm y tế có công trình phụ hợp vệ sinh', 'Share of health stations with hygienic latrines'), 'water_sanitation', t('Số trạm y tế có công trình phụ hợp vệ sinh', 'Health stations with hygienic latrines'), t('Tổng số trạm y tế', 'Health stations'),
    { syn: ['trạm y tế có công trình phụ hợp vệ sinh', 'trạm y tế'] }),
  rate('wastewater_collection_points_rate', t('Tỷ lệ điểm dân cư (nông thôn tập trung) có hệ thống thu gom nước thải sinh hoạt', 'Share of (rural) residential points with domestic wastewater collection'), 'water_sanitation',
    t('Số điểm dân cư có hệ thống thu gom', 'Residential points with collection'), t('Tổng số điểm dân cư', 'Residential points'),
    { syn: ['điểm dân cư nông thôn tập trung có hệ thống thu gom nước thải sinh hoạt', 'điểm dân cư có hệ thống thu gom nước thải sinh hoạt', 'thu gom nước thải sinh hoạt'] }),
  rate('wastewater_treated_rate', t('Tỷ lệ nước thải sinh hoạt được xử lý', 'Share of domestic wastewater treated'), 'water_sanitation', t('Khối lượng nước thải được xử lý', 'Wastewater treated'), t('Tổng khối lượng nước thải sinh hoạt', 'Domestic wastewater'),
    { syn: ['nước thải sinh hoạt được xử lý'] }),
  rate('household_waste_treated_rate', t('Tỷ lệ hộ gia đình có rác thải sinh hoạt được thu gom, xử lý', 'Share of households whose domestic waste is collected and treated'), 'water_sanitation', t('Số hộ có rác thải được thu gom, xử lý', 'Households with waste collected'), t('Tổng số hộ', 'Households'),
    { source: 'registry', syn: ['rác thải sinh hoạt được thu gom, xử lý'] }),

  // ── Culture, information ─────────────────────────────────────────────────────────────
  rate('culture_participation_rate', t('Tỷ lệ người dân (vùng sâu, vùng xa, biên giới) được hưởng thụ và tham gia các hoạt động văn hóa', 'Share of people (remote and border areas) enjoying and taking part in cultural activities'), 'culture_information',
    t('Số người được hưởng thụ, tham gia hoạt động văn hóa', 'People taking part'), t('Dân số', 'Population'),
    { source: 'survey', syn: ['người dân ở vùng sâu, vùng xa, biên giới', 'người dân được hưởng thụ và tham gia các hoạt động văn hóa', 'được hưởng thụ và tham gia các hoạt động văn hóa'] }),
  rate('culture_em_communes_rate', t('Tỷ lệ xã vùng đồng bào dân tộc thiểu số được hưởng thụ và tham gia các hoạt động văn hóa', 'Share of ethnic-minority communes enjoying and taking part in cultural activities'), 'culture_information',
    t('Số xã', 'Communes'), t('Tổng số xã vùng DTTS', 'Ethnic-minority communes'), { syn: ['các xã vùng đồng bào dân tộc thiểu số được hưởng thụ và tham gia các hoạt động văn hóa'] }),
  rate('broadcast_access_rate', t('Tỷ lệ người dân (vùng sâu, vùng xa, biên giới) được nghe, xem các kênh phát thanh, truyền hình', 'Share of people (remote and border areas) reached by national and local radio and TV'), 'culture_information',
    t('Số người được nghe, xem', 'People reached'), t('Dân số', 'Population'), { source: 'survey', syn: ['được nghe, xem các kênh phát thanh, truyền hình của quốc gia và địa phương', 'nghe, xem các kênh phát thanh, truyền hình'] }),
  rate('broadcast_em_communes_rate', t('Tỷ lệ xã vùng đồng bào dân tộc thiểu số được nghe, xem các kênh phát thanh, truyền hình', 'Share of ethnic-minority communes reached by radio and TV'), 'culture_information',
    t('Số xã', 'Communes'), t('Tổng số xã vùng DTTS', 'Ethnic-minority communes'), { syn: ['các xã vùng đồng bào dân tộc thiểu số được nghe, xem'] }),
  defineIndicator({ code: 'mobile_broadband_per_100', name: t('Số thuê bao băng rộng di động trên 100 dân', 'Mobile broadband subscriptions per 100 people'), unit: 'per_100', kind: 'rate', direction: 'higher_better', numerator: t('Số thuê bao băng rộng di động', 'Mobile broadband subscriptions'), denominator: t('Dân số', 'Population'), source: 'reported', area: 'culture_information', synonyms: ['thuê bao băng rộng di động trên 100 dân', 'tỷ lệ thuê bao băng rộng di động'] }),
  rate('villages_mobile_broadband_rate', t('Tỷ lệ thôn, bản được phủ sóng di động băng rộng', 'Share of villages with mobile broadband coverage'), 'culture_information', t('Số thôn được phủ sóng', 'Villages covered'), t('Tổng số thôn', 'Villages'),
    { syn: ['thôn được phủ sóng di động băng rộng', 'phủ sóng di động băng rộng'] }),
  rate('villages_fixed_broadband_rate', t('Tỷ lệ thôn, bản được phủ băng rộng cố định', 'Share of villages with fixed broadband coverage'), 'culture_information', t('Số thôn được phủ băng rộng cố định', 'Villages covered'), t('Tổng số thôn', 'Villages'),
    { syn: ['phủ băng rộng cố định'] }),
  rate('households_fibre_internet_rate', t('Tỷ lệ hộ gia đình có truy cập Internet băng rộng cáp quang', 'Share of households with fibre broadband Internet'), 'culture_information', t('Số hộ có Internet cáp quang', 'Households with fibre'), t('Tổng số hộ', 'Households'),
    { syn: ['hộ gia đình có truy cập Internet băng rộng cáp quang', 'Internet băng rộng cáp quang'] }),
  rate('households_information_access_rate', t('Tỷ lệ hộ có phương tiện tiếp cận thông tin', 'Share of households with a means to access information'), 'culture_information', t('Số hộ có phương tiện', 'Households with a means'), t('Tổng số hộ', 'Households'),
    { source: 'registry', syn: ['phương tiện tiếp cận thông tin'] }),
];

checkCatalogue(catalogue);

const byCode = new Map(catalogue.map((i) => [i.code, i]));

export function indicatorByCode(code: string): Indicator | undefined {
  return byCode.get(code);
}

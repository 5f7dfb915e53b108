/* fixtures.h — report models used by the format, rules and render tests. */
#ifndef GK_TEST_FORMAT_FIXTURES_H
#define GK_TEST_FORMAT_FIXTURES_H

#include "format/report.h"

/* 慈周寨镇 2024 (2021 format): every cell 0, the narrative of
 * tests/golden/cizhouzhai-2024/{overview,problems,other_matters}.txt. */
void fixture_cizhouzhai(struct annual_report *r);

/* The spec's Hangzhou-style fixture (§6.4, 2021 format, synthetic): the 总计 column and
 * Table 四 as the spec gives them, spread over the applicant columns deterministically;
 * Table 二 and the narrative invented (a city government). Passes every rule. */
void fixture_hangzhou(struct annual_report *r);

/* 上海市人民政府办公厅 2019 (2019 format, real figures of spec §6.4): the 总计 cells of
 * the outcome rows left blank as the report did. */
void fixture_shanghai_2019(struct annual_report *r);

#endif

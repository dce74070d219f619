# Generated from knowledge/dosing.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "5eebe88cb99d221c91f6a9a2d645b8f2eddd7bb63aeab6c585e408b00dfa187d"
DATA = {'typical': {'low_mg_per_kg': 2,
             'high_mg_per_kg': 3,
             'max_mg_per_kg': 3,
             'sources': ['CPIC-PAGE', 'MIMS-DOSE']},
 'typical_guidance': {'text': 'Your neurologist sets your dose. It usually starts lower and is '
                              'raised over several weeks.',
                      'sources': ['LBL-DA', 'LEAFLET']},
 'reduced_guidance': {'text': 'Your neurologist sets your dose and adjusts it to your blood '
                              'counts.',
                      'sources': ['CPIC-PAGE', 'LEAFLET']},
 'us_label': {'max_mg_per_kg': 2.5,
              'code': 'above-us-label-max',
              'severity': 'caution',
              'message': "More than {us_max} mg/kg a day is above the US label's maximum (set for "
                         'rheumatoid arthritis); the label used outside the US, and the NHS, allow '
                         'up to {max} mg/kg a day. Guidance differs: check any dose above {us_max} '
                         'with your neurologist.',
              'sources': ['LBL-DA', 'MPR', 'MIMS-DOSE', 'NHS-W']},
 'above_max': {'code': 'above-max',
               'severity': 'caution',
               'message': 'This is more than {max} mg/kg a day, the highest dose in the labels. '
                          'Please confirm it with your prescriber.',
               'sources': ['MIMS-DOSE', 'CPIC-PAGE']},
 'below_typical': {'code': 'below-typical',
                   'severity': 'info',
                   'message': 'This is below the usual {low} to {high} mg/kg a day. Starting doses '
                              'are often lower and raised over weeks.',
                   'sources': ['CPIC-PAGE', 'LBL-DA']},
 'below_one_step': {'code': 'below-one-step',
                    'severity': 'caution',
                    'message': 'No dose made of whole {step} mg steps fits this amount, so no dose '
                               'is shown. Ask your neurologist how to take it.',
                    'sources': ['PROJECT']},
 'rounding': {'decimals': 2, 'source': 'PROJECT'},
 'adjustment_notes': {'range_reduced': 'The range above allows for this.',
                      'no_dose': 'So no dose is worked out here.',
                      'dose_unchanged': 'Your dose is shown as prescribed: confirm it with your '
                                        'prescriber.',
                      'no_dose_unchanged': 'Your dose is shown as prescribed: contact your '
                                           'prescriber soon to check it.',
                      'source': 'PROJECT'},
 'genotype': {'genes': {'tpmt': 'TPMT', 'nudt15': 'NUDT15'},
              'phenotypes': {'intermediate': ['intermediate', 'possible-intermediate'],
                             'poor': ['poor'],
                             'unknown': ['indeterminate', 'unknown'],
                             'source': 'CPIC-PAGE'},
              'one_intermediate': {'low_percent': 30,
                                   'high_percent': 80,
                                   'severity': 'caution',
                                   'message': 'Your {gene} result is {phenotype}: CPIC advises '
                                              'starting at {low_percent} to {high_percent} percent '
                                              'of the usual starting dose of {start} mg/kg a day, '
                                              'then adjusting to blood counts.',
                                   'sources': ['CPIC-PAGE', 'MGS-q', 'PGKB-MP', 'CPIC-2025'],
                                   'codes': {'tpmt': 'tpmt-intermediate',
                                             'nudt15': 'nudt15-intermediate'}},
              'both_intermediate': {'low_percent': 20,
                                    'high_percent': 50,
                                    'code': 'tpmt-nudt15-intermediate',
                                    'severity': 'caution',
                                    'message': 'Your TPMT and NUDT15 results are both '
                                               'intermediate: CPIC advises starting at '
                                               '{low_percent} to {high_percent} percent of the '
                                               'usual starting dose of {start} mg/kg a day, then '
                                               'adjusting to blood counts.',
                                    'sources': ['CPIC-PAGE', 'CPIC-2025']},
              'poor': {'severity': 'urgent',
                       'message': 'Your {gene} result is poor. Usual doses of azathioprine can '
                                  'then cause life-threatening loss of blood cells; for MG, CPIC '
                                  'advises that a non-thiopurine medicine is usually considered '
                                  'instead.',
                       'sources': ['CPIC-PAGE', 'MGS-q', 'FDA-SrLC'],
                       'codes': {'tpmt': 'tpmt-poor', 'nudt15': 'nudt15-poor'}},
              'unknown': {'code': 'genotype-unknown',
                          'severity': 'info',
                          'message': 'No clear {genes} result is on record, so the gene rules were '
                                     'not checked. Ask if a test is needed; blood counts are '
                                     'checked either way.',
                          'one_gene_message': 'No clear {gene} result is on record, so the {gene} '
                                              'rule was not checked. Ask if a test is needed; '
                                              'blood counts are checked either way.',
                          'sources': ['CPIC-PAGE', 'FDA-SrLC']}},
 'medicine_effects': {'xanthine-oxidase-inhibitor': {'low_percent': 25,
                                                     'high_percent': 25,
                                                     'text': 'Labels cut the azathioprine dose to '
                                                             'a third to a quarter (US) or a '
                                                             'quarter (New Zealand); this tool '
                                                             'uses a quarter.',
                                                     'sources': ['MPR', 'MEDSAFE', 'LBL-old']},
                      'febuxostat': {'no_dose': True,
                                     'sources': ['ULORIC', 'FDA-SrLC', 'MEDSAFE-FEB']}}}

# Generated from knowledge/exports.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "bcf7f75cd3d310b408454f24d38144422ea1e41c990ea521ac56137db88add50"
DATA = {'calendar': {'default_months': 3,
              'min_months': 1,
              'max_months': 24,
              'dose_minutes': 15,
              'blood_test_alarm_days': 2,
              'sources': ['PROJECT']},
 'report': {'default_since_months': 6, 'sources': ['PROJECT']},
 'card': {'mg': {'text': 'I have myasthenia gravis (MG).', 'source': 'LEAFLET'},
          'azathioprine': {'text': 'I take azathioprine (Imuran), {dose}.', 'source': 'LEAFLET'},
          'tell': {'text': 'Please tell every doctor, dentist and nurse who treats me that I take '
                           'azathioprine.',
                   'source': 'LEAFLET'},
          'worsen_mg': {'text': 'Medicines that can worsen MG: ask before any antibiotic, '
                                'anaesthetic or vaccine.',
                        'classes': ['fluoroquinolones (e.g. ciprofloxacin)',
                                    'aminoglycosides (e.g. gentamicin)',
                                    'macrolides (e.g. azithromycin)'],
                        'sources': ['MGFA', 'UPTD']},
          'live_vaccines': {'text': 'No live vaccines (e.g. yellow fever, MMR, nasal flu) while on '
                                    'azathioprine and for 3 months after stopping.',
                            'sources': ['MIMS-DI', 'CRUK-LV']},
          'anaesthesia': {'text': 'For anaesthetists: MG and azathioprine both change the effect '
                                  'of muscle relaxants (neuromuscular blockers). Use them only '
                                  'when needed, with neuromuscular monitoring.',
                          'sources': ['UPTD', 'AZAFOR']},
          'crisis': {'text': 'MG crisis: short of breath, or trouble swallowing or choking. Call '
                             'emergency services and say I have myasthenia gravis.',
                     'sources': ['MGFA-CRISIS']},
          'stopped': {'text': 'I stopped taking azathioprine (Imuran) on {date}.',
                      'source': 'LEAFLET'},
          'no_dose': {'text': 'at the dose my neurologist prescribed', 'source': 'LEAFLET'}},
 'fhir': {'rxnorm': 'http://www.nlm.nih.gov/research/umls/rxnorm',
          'loinc': 'http://loinc.org',
          'ucum': 'http://unitsofmeasure.org',
          'azathioprine_rxnorm': '1256',
          'sources': ['RXNORM', 'LOINC'],
          'lab_codes': {'wbc': {'loinc': '6690-2', 'ucum': '10*9/L'},
                        'neutrophils': {'loinc': '751-8', 'ucum': '10*9/L'},
                        'lymphocytes': {'loinc': '731-0', 'ucum': '10*9/L'},
                        'platelets': {'loinc': '777-3', 'ucum': '10*9/L'},
                        'hemoglobin': {'loinc': '718-7', 'ucum': 'g/dL'},
                        'mcv': {'loinc': '787-2', 'ucum': 'fL'},
                        'alt': {'loinc': '1742-6', 'ucum': 'U/L'},
                        'ast': {'loinc': '1920-8', 'ucum': 'U/L'},
                        'alp': {'loinc': '6768-6', 'ucum': 'U/L'},
                        'lipase': {'loinc': '3040-3', 'ucum': 'U/L'}}}}

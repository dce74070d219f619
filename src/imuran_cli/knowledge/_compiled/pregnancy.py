# Generated from knowledge/pregnancy.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "aa82ef7e779bd9f927d03dc6899d2dc6a02d06a6cd7e76a40ec98baf78bb79d8"
DATA = {'after_stopping': {'earliest_months': 4, 'conservative_months': 6, 'source': 'LEAFLET'},
 'general': [{'id': 'birth-defects',
              'text': 'Imuran (azathioprine) may cause birth defects.',
              'source': 'LEAFLET'},
             {'id': 'before-pregnancy',
              'text': 'If you are thinking of a pregnancy, talk it over with your neurologist '
                      'first: the benefit of Imuran for you against the risk to the baby.',
              'source': 'LEAFLET'},
             {'id': 'before-starting',
              'text': 'The leaflet asks for a talk with the doctor about pregnancy and '
                      'breastfeeding before Imuran is started.',
              'source': 'LEAFLET'}],
 'timing': {'taking': {'text': 'Avoid pregnancy while you take Imuran and for {earliest} to '
                               '{conservative} months after you stop.',
                       'short': 'Avoid pregnancy while taking Imuran and for {earliest} to '
                                '{conservative} months after stopping.',
                       'source': 'LEAFLET'},
            'stopped': {'text': 'You stopped on {stopped_on}. Avoid pregnancy until '
                                '{conservative_date}, {conservative} months after stopping: the '
                                'conservative date, which imuran uses. The earliest end, '
                                '{earliest} months after stopping, is {earliest_date}.',
                        'short': 'Avoid pregnancy until {conservative_date}, {conservative} months '
                                 'after stopping ({earliest} months: {earliest_date}).',
                        'source': 'LEAFLET'},
            'ended': {'text': 'You stopped on {stopped_on}. The {earliest} to {conservative} '
                              'months after stopping in which to avoid pregnancy ended on '
                              '{conservative_date}.',
                      'short': 'The {earliest} to {conservative} months after stopping ended on '
                               '{conservative_date}; talk with your neurologist before a '
                               'pregnancy.',
                      'source': 'LEAFLET'}},
 'sources_differ': {'text': 'Sources differ: the NHS and UK pregnancy services describe '
                            'azathioprine being continued in pregnancy under specialist care. '
                            "imuran follows the leaflet; the decision is your neurologist's.",
                    'sources': ['NHS-PREG', 'BUMPS', 'LEAFLET']},
 'breastfeeding': [{'id': 'nhs',
                    'text': 'The NHS says breastfeeding is usually fine while the baby is well; if '
                            'your dose is high, the baby may need blood tests.',
                    'source': 'NHS-PREG'},
                   {'id': 'bumps',
                    'text': 'The UK pregnancy information service (BUMPS) also describes '
                            'breastfeeding on azathioprine as usually possible.',
                    'source': 'BUMPS'},
                   {'id': 'smpc',
                    'text': "The manufacturer's product information advises against breastfeeding, "
                            'because a breakdown product of azathioprine passes into breast milk.',
                    'source': 'MIMS-PREG'},
                   {'id': 'us-label',
                    'text': 'The US label does not recommend breastfeeding during treatment.',
                    'source': 'FDA-SrLC'},
                   {'id': 'decide',
                    'text': 'As the sources differ, talk about breastfeeding with your '
                            'neurologist, as the leaflet asks.',
                    'source': 'LEAFLET'}]}

# Generated from knowledge/travel.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "940278b531c4abb98a2cdea3efb873013b7d8b18cdcd6badaea30f9d626313bb"
DATA = {'trip': {'max_days': 365,
          'default_spare_days': 3,
          'max_spare_days': 365,
          'sources': ['HFM', 'PROJECT']},
 'places': {'home': 1, 'abroad': 2, 'source': 'LEAFLET'},
 'blood_test': {'long_trip': {'min_days': 28,
                              'every_min_weeks': 4,
                              'every_max_weeks': 6,
                              'reason': 'The trip lasts {long_trip_min_days} days or more, and '
                                        'tests are due every {every_min_weeks} to '
                                        '{every_max_weeks} weeks.',
                              'source': 'LEAFLET'},
                'early': {'weeks': 12,
                          'reason': 'You started azathioprine less than {early_weeks} weeks before '
                                    'the trip, and tests are more frequent early on.',
                          'source': 'MPR'}},
 'vaccines': {'weeks_ahead': 6, 'source': 'KINGSTON'},
 'sun': {'spf': 30, 'source': 'NHS-SE'},
 'time_zones': {'shift_min_hours': 1, 'shift_max_hours': 2, 'source': 'HFM'},
 'items': [{'id': 'prescription',
            'when': 'always',
            'text': 'Carry a prescription for azathioprine, in case your tablets are lost or '
                    'stolen.',
            'sources': ['LEAFLET']},
           {'id': 'medication-list',
            'when': 'always',
            'text': 'Keep a list of all your medicines and their doses with you at all times.',
            'sources': ['LEAFLET']},
           {'id': 'medical-alert',
            'when': 'always',
            'text': 'Wear a medical alert bracelet or necklace.',
            'sources': ['LEAFLET']},
           {'id': 'notify-clinicians',
            'when': 'always',
            'text': 'Tell any doctor, dentist or nurse you see on the trip that you take '
                    'azathioprine (Imuran).',
            'sources': ['LEAFLET']},
           {'id': 'infections',
            'when': 'always',
            'text': 'You fight infections less well: report even a mild one, like a cold or a sore '
                    'throat, to a doctor early. Be strict about food and water (no raw or '
                    'undercooked food) and clean your hands often.',
            'sources': ['LEAFLET', 'CDC-YB', 'SGH']},
           {'id': 'vaccinations',
            'when': 'always',
            'text': 'Ask your neurologist before any vaccine. Live vaccines, such as yellow fever, '
                    'are not for people on azathioprine; some countries require yellow fever, so '
                    'ask at least {vaccine_weeks_ahead} weeks before you leave.',
            'sources': ['LEAFLET', 'IDSA', 'CRUK-LV', 'KINGSTON']},
           {'id': 'two-places',
            'when': 'abroad',
            'text': 'Pack your tablets in two separate places, such as two different bags, each '
                    'with enough for the whole trip, in case one is lost or stolen.',
            'sources': ['LEAFLET']},
           {'id': 'refill-abroad',
            'when': 'abroad',
            'text': 'Do not count on getting more tablets there: in some countries a prescription '
                    'may be impossible to fill.',
            'sources': ['LEAFLET']},
           {'id': 'sun-protection',
            'when': 'always',
            'text': 'Protect your skin from strong sun: seek shade, cover up and use sunscreen of '
                    'SPF {sun_spf} or higher.',
            'sources': ['NHS-SE']},
           {'id': 'time-zones',
            'when': 'always',
            'text': 'Across time zones, keep your daily rhythm: take your doses at local time, or '
                    'move them gradually, {shift_min_hours} to {shift_max_hours} hours a day. '
                    'Never take a double dose to catch up.',
            'sources': ['HFM', 'MYAWARE']},
           {'id': 'blood-test',
            'when': 'blood-test',
            'text': 'A blood test is likely to fall during the trip: plan it with your clinic '
                    'before you leave, or arrange one where you are going.',
            'sources': ['LEAFLET']}]}

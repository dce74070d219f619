# Generated from knowledge/status.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "5a9d8b6ac3c282d880ef65e4f029fdfee4bc9d98fd0c85978529ef5706d5d4ec"
DATA = {'improvement': {'from_months': 3, 'to_months': 12, 'source': 'LEAFLET'},
 'phases': {'too_early': {'text': 'Too early to judge: improvement is expected between '
                                  '{from_months} and {to_months} months, from {window_from} on.',
                          'source': 'LEAFLET'},
            'window': {'text': 'You are in the window, {from_months} to {to_months} months in, '
                               'when improvement is expected to show.',
                       'source': 'LEAFLET'},
            'past_window': {'text': 'More than {to_months} months in: if you have felt no '
                                    'improvement, talk with your neurologist.',
                            'source': 'LEAFLET'},
            'stopped': {'text': 'After stopping, gains in strength usually go on for a few months.',
                        'source': 'LEAFLET'}},
 'dose_past_time': {'text': 'The {dose} dose ({at}) is not recorded: imuran take if you took it, '
                            'imuran missed if not.',
                    'source': 'LEAFLET'}}

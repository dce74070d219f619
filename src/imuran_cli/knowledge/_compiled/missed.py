# Generated from knowledge/missed.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "cdc2e71ccb550622d6e8dd929b435f7a8d4839d94039ae9ef89b0f17d07f1d6b"
DATA = {'when': {'min_days_ago': 1,
          'max_days_ago': 60,
          'tell_neurologist_from_days_ago': 2,
          'source': 'PROJECT'},
 'take_today': {'headline': 'Take the missed dose today, as soon as you remember.',
                'reason': 'It was due today: the leaflet says take it later today.',
                'source': 'LEAFLET'},
 'skip': {'headline': 'Skip it. Take your next dose {next} as usual.',
          'reason': 'It was due on an earlier day: the leaflet says skip it.',
          'source': 'LEAFLET'},
 'with_later': {'text': "It may go with your later dose today, but the day's total stays {total}.",
                'source': 'MYAWARE'},
 'never_double': {'text': 'Never double up: no more than {total} in one day.', 'source': 'MYAWARE'},
 'tell_neurologist': {'text': 'If you missed more than one dose, tell your neurologist.',
                      'source': 'MYAWARE'},
 'late': {'once_daily_hours': 12,
          'split_hours': 6,
          'text': 'It is late: check with your clinic whether to take it now or skip it. Sources '
                  'differ on a dose this close to the next one (TCDS, myaware); the leaflet says '
                  'take it today.',
          'sources': ['TCDS', 'MYAWARE', 'PROJECT']},
 'differs': {'note': 'Guidance differs: TCDS says take a late dose unless the next one is near; '
                     'this follows the leaflet.',
             'sources': ['TCDS', 'LEAFLET']}}

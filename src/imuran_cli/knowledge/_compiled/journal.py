# Generated from knowledge/journal.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "ed28a91e1fe348ac23694af828cbdf68cfd5b5e029dee27304a107aaca475ff6"
DATA = {'history': {'default_days': 30, 'max_days': 3660, 'percent_decimals': 1, 'source': 'PROJECT'},
 'missed': {'lookback_days': 7, 'source': 'PROJECT'},
 'stock': {'refill_days': 14, 'source': 'PROJECT'},
 'already_taken': {'headline': 'Already taken: your journal shows this dose as taken ({recorded}). '
                               'Take no more.',
                   'reason': 'Taking it again would double the dose.',
                   'source': 'MYAWARE'},
 'nothing_missed': {'headline': 'Nothing missed: every dose of the last {days} days whose time has '
                                'passed is recorded.',
                    'reason': 'Your journal has a record for each of them.',
                    'source': 'PROJECT'}}

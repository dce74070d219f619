# Generated from knowledge/limits.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "6c1eef906f215c0a5b6d05e778158c3afb3e28f083507172fd49e241c69c0629"
DATA = {'weight': {'kg': {'min': 10, 'max': 300, 'source': 'PROJECT'},
            'lb': {'min': 22, 'max': 660, 'source': 'PROJECT'}},
 'pound': {'kg': 0.45359237, 'source': 'NIST'},
 'mg_per_kg': {'min': 0.1, 'max': 3, 'source': 'MIMS-DOSE'},
 'daily_mg': {'min': 25, 'max': 500, 'source': 'PROJECT'},
 'tablets': {'strengths_mg': [25, 50, 75, 100],
             'default_strength_mg': 50,
             'pieces_when_split': 2,
             'source': 'NZ-DS',
             'scored': {'strengths_mg': [50], 'sources': ['LEAFLET', 'DM', 'NZ-DS']}},
 'schedule': {'doses_when_split': 2, 'source': 'LEAFLET'},
 'refill_days': {'min': 1, 'max': 90, 'source': 'PROJECT'},
 'lab_interval_weeks': {'min': 1, 'max': 52, 'source': 'PROJECT'},
 'text_length': {'min': 1, 'max': 200, 'source': 'PROJECT'}}

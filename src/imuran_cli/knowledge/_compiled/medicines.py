# Generated from knowledge/medicines.toml by `python -m imuran_cli.knowledge --build`.
# Do not edit: edit the TOML file and build again (the tests check the two agree).
SOURCE_SHA256 = "2a93c2f6d7f0ce99472beac91dbaa7ec142c0743f45c762df86beed9e70b3dc5"
DATA = {'groups': [{'id': 'xanthine-oxidase-inhibitors',
             'part': 'A',
             'row': '1',
             'kind': 'interaction',
             'title': 'Xanthine oxidase inhibitors',
             'code': 'xanthine-oxidase-inhibitor',
             'severity': 'urgent',
             'strength': 'reduce-dose',
             'message': '{name} blocks a main route that clears azathioprine, which can then build '
                        'up and wipe out blood counts.',
             'sources': ['MPR', 'MEDSAFE', 'MIMS-DI', 'LBL-old'],
             'names': '# Duzallo is lesinurad with allopurinol (US, withdrawn 2019).\n'
                      'allopurinol : Zyloprim, Aloprim, Zyloric, Caplenal, Tipuric, Progout, '
                      'Allosig, Lopurin,\n'
                      '  Cosuric, Rimapurinol, Uricto, Duzallo\n'
                      'oxipurinol = oxypurinol\n'
                      'thiopurinol\n'},
            {'id': 'febuxostat',
             'part': 'A',
             'row': '1',
             'kind': 'interaction',
             'title': 'Febuxostat and topiroxostat',
             'code': 'febuxostat',
             'severity': 'urgent',
             'strength': 'contraindicated',
             'message': '{name} blocks the breakdown of azathioprine and must not be taken with it '
                        '(the US febuxostat label forbids the combination).',
             'sources': ['ULORIC', 'FDA-SrLC', 'MEDSAFE-FEB', 'MPR', 'JSTAGE'],
             'names': 'febuxostat : Uloric, Adenuric, Feburic\n'
                      'topiroxostat : Topiloric, Uriadec\n'},
            {'id': 'vitamin-k-antagonists',
             'part': 'A',
             'row': '2',
             'kind': 'interaction',
             'title': 'Warfarin and other vitamin K antagonists',
             'severity': 'caution',
             'strength': 'monitor',
             'message': '{name} is a blood thinner that azathioprine can weaken: the INR may fall '
                        'when azathioprine starts and rise when it stops. Ask for an INR check at '
                        'every azathioprine change.',
             'sources': ['AZAFOR', 'NG06', 'MG-SA', 'PMC-6MP'],
             'names': 'warfarin : Coumadin, Jantoven, Marevan, Warfilone\n'
                      'acenocoumarol : Sintrom, Sinthrome\n'
                      'phenprocoumon : Marcumar, Marcoumar, Falithrom\n'
                      'phenindione : Dindevan\n'
                      'fluindione : Previscan\n'},
            {'id': 'ace-inhibitors',
             'part': 'A',
             'row': '3',
             'kind': 'interaction',
             'title': 'ACE inhibitors',
             'severity': 'caution',
             'strength': 'reported',
             'message': '{name} is an ACE inhibitor: anaemia and very low white cell counts have '
                        'been reported when it is taken with azathioprine. Make sure your '
                        'neurologist knows.',
             'sources': ['MIMS-DI', 'LBL', 'MPR', 'NT'],
             'names': 'benazepril : Lotensin, Lotensin HCT, Lotrel\n'
                      'captopril : Capoten, Capozide, Acepril\n'
                      'cilazapril : Inhibace, Vascace\n'
                      'enalapril : Vasotec, Epaned, Innovace, Renitec, Vaseretic\n'
                      'enalaprilat : Vasotec IV\n'
                      'fosinopril : Monopril, Staril\n'
                      'imidapril : Tanatril\n'
                      'lisinopril : Zestril, Prinivil, Qbrelis, Carace, Zestoretic, Prinzide\n'
                      'moexipril : Univasc, Uniretic, Perdix\n'
                      'perindopril : Aceon, Coversyl, Coversyl Plus, Prestalia, Coveram, '
                      'Triplixam\n'
                      'quinapril : Accupril, Accupro, Accuretic\n'
                      'ramipril : Altace, Tritace\n'
                      'trandolapril : Mavik, Gopten, Odrik, Tarka\n'
                      'zofenopril : Zofenil\n'
                      'spirapril\n'
                      'delapril\n'
                      'temocapril\n'},
            {'id': 'co-trimoxazole',
             'part': 'A',
             'row': '4',
             'kind': 'interaction',
             'title': 'Co-trimoxazole and trimethoprim',
             'severity': 'caution',
             'strength': 'reported',
             'message': '{name} can add to the fall in white cell counts that azathioprine causes '
                        '(reports disagree on how much). Make sure your neurologist knows.',
             'sources': ['MIMS-DI', 'LBL', 'MPR', 'DDC-TMP'],
             'names': '# TMP-SMX is the short form on US prescriptions.\n'
                      'co-trimoxazole = cotrimoxazole, trimethoprim-sulfamethoxazole,\n'
                      '  sulfamethoxazole-trimethoprim, TMP-SMX, SMX-TMP : Bactrim, Bactrim DS, '
                      'Septra, Septra DS,\n'
                      '  Sulfatrim, Septrin, Resprim, Novo-Trimel\n'
                      'trimethoprim : Primsol, Proloprim, Trimpex, Triprim, Alprim, Monotrim\n'},
            {'id': 'aminosalicylates',
             'part': 'A',
             'row': '5',
             'kind': 'interaction',
             'title': 'Aminosalicylates',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} is an aminosalicylate: it slows TPMT, so azathioprine can build up '
                        'and harm the bone marrow. A lower azathioprine dose may be needed; make '
                        'sure your neurologist knows.',
             'sources': ['AZAFOR', 'DDC-5ASA', 'PMC-6MP', 'SPS-5ASA'],
             'names': 'mesalazine = mesalamine : Asacol, Asacol HD, Asacol MR, Asacol 800, '
                      'Delzicol, Lialda,\n'
                      '  Apriso, Pentasa, Canasa, Rowasa, sfRowasa, Octasa, Salofalk, Mezavant, '
                      'Mezavant XL,\n'
                      '  Zintasa, Ipocol, Mesren, Salcrozine, Mesasal, Mesavancol\n'
                      'sulfasalazine = sulphasalazine : Azulfidine, Azulfidine EN-tabs, '
                      'Salazopyrin, Salazopyrin\n'
                      '  EN-Tabs\n'
                      'olsalazine : Dipentum\n'
                      'balsalazide : Colazal, Giazo, Colazide\n'},
            {'id': 'ribavirin',
             'part': 'A',
             'row': '6',
             'kind': 'interaction',
             'title': 'Ribavirin',
             'severity': 'urgent',
             'strength': 'not-advised',
             'message': '{name} with azathioprine has caused severe bone marrow suppression; '
                        'taking them together is not advised. Make sure your neurologist knows.',
             'sources': ['MIMS-DI', 'MPR'],
             'names': 'ribavirin : Rebetol, Copegus, Ribasphere, RibaPak, Moderiba, Virazole, '
                      'Ibavyr\n'},
            {'id': 'myelosuppressive-drugs',
             'part': 'A',
             'row': '7a',
             'kind': 'interaction',
             'title': 'Medicines that suppress the bone marrow',
             'severity': 'urgent',
             'strength': 'avoid',
             'message': '{name} can itself lower blood counts. With azathioprine the effects on '
                        'the bone marrow add up, and the azathioprine label says to avoid such '
                        'combinations where possible. Make sure your neurologist knows.',
             'sources': ['MIMS-DI', 'MPR'],
             'names': 'penicillamine = D-penicillamine : Cuprimine, Depen, Distamine\n'},
            {'id': 'alkylating-agents',
             'part': 'A',
             'row': '7a',
             'kind': 'interaction',
             'title': 'Alkylating agents',
             'severity': 'urgent',
             'strength': 'avoid',
             'message': '{name} suppresses the bone marrow, as azathioprine does, and the '
                        'azathioprine label says to avoid such combinations where possible. For '
                        'rheumatoid arthritis the US label also rules azathioprine out after '
                        'treatment with drugs of this kind, because of the cancer risk. Make sure '
                        'your neurologist knows.',
             'sources': ['MIMS-DI', 'CLEANMEDS', 'MPR'],
             'names': 'cyclophosphamide : Cytoxan, Endoxan, Procytox\n'
                      'chlorambucil : Leukeran\n'
                      'melphalan : Alkeran\n'},
            {'id': 'cimetidine-indometacin',
             'part': 'A',
             'row': '7a',
             'kind': 'interaction',
             'title': 'Cimetidine and indometacin',
             'severity': 'caution',
             'strength': 'possible',
             'message': '{name} may add to the effect of azathioprine on the bone marrow (the '
                        'azathioprine label names it). Make sure your neurologist knows.',
             'sources': ['MIMS-DI'],
             'names': 'cimetidine : Tagamet\n'
                      'indometacin = indomethacin : Indocin, Tivorbex, Indocid\n'},
            {'id': 'methotrexate',
             'part': 'A',
             'row': '7a',
             'kind': 'interaction',
             'title': 'Methotrexate',
             'severity': 'caution',
             'strength': 'possible',
             'message': '{name} also acts on the bone marrow, and high doses may raise thiopurine '
                        "levels (this is not confirmed in imuran's sources). Take it with "
                        'azathioprine only if your neurologist agrees.',
             'sources': ['MIMS-DI', 'MPR'],
             'names': '# MTX is the usual short form and names nothing else among medicines.\n'
                      'methotrexate = MTX : Trexall, Otrexup, Rasuvo, Xatmep, Jylamvo, Metoject, '
                      'Maxtrex, Nordimet,\n'
                      '  Methoblastin\n'},
            {'id': 'clozapine',
             'part': 'A',
             'row': '7a',
             'kind': 'interaction',
             'title': 'Clozapine',
             'severity': 'caution',
             'strength': 'possible',
             'message': "{name}'s own label warns against taking it with medicines that can "
                        'suppress the bone marrow, as azathioprine can (the azathioprine labels do '
                        'not name it). Make sure both prescribers know.',
             'sources': ['MIMS-DI'],
             'names': 'clozapine : Clozaril, Versacloz, FazaClo, Denzapine, Zaponex\n'},
            {'id': 'live-vaccines',
             'part': 'A',
             'row': '7b',
             'kind': 'live-vaccine',
             'title': 'Live vaccines',
             'severity': 'urgent',
             'strength': 'avoid',
             'message': '{name} is a live vaccine. Do not have it {window}: in someone on '
                        'azathioprine the weakened germ in the vaccine can cause the disease it '
                        'should prevent. Tell whoever offers it that you take azathioprine, and '
                        'check with your neurologist first.',
             'sources': ['MIMS-DI', 'GPN-LV', 'MA-LV', 'CDC-YB', 'IDSA'],
             'names': 'yellow fever vaccine : YF-Vax, Stamaril\n'
                      'MMR vaccine = measles, mumps, rubella, German measles, measles mumps '
                      'rubella, measles mumps\n'
                      '  and rubella : M-M-R II, M-M-RVaxPro, Priorix\n'
                      'MMRV vaccine : ProQuad, Priorix-Tetra\n'
                      'varicella vaccine = chickenpox, chicken pox : Varivax, Varilrix\n'
                      'live zoster vaccine = zoster live, live shingles, live herpes zoster : '
                      'Zostavax\n'
                      '# TICE BCG (bladder cancer treatment) is live BCG too (not confirmed).\n'
                      'BCG vaccine : TICE BCG\n'
                      'oral typhoid vaccine = typhoid oral, live typhoid, Ty21a : Vivotif\n'
                      'nasal spray flu vaccine = nasal flu, flu nasal, flu nasal spray, intranasal '
                      'flu, live flu,\n'
                      '  nasal influenza, intranasal influenza, influenza nasal, live attenuated '
                      'influenza, LAIV :\n'
                      '  FluMist, Fluenz, Fluenz Tetra\n'
                      'oral polio vaccine = OPV, polio oral, live polio\n'
                      'rotavirus vaccine : RotaTeq, Rotarix\n'
                      'live smallpox vaccine = smallpox live : ACAM2000\n'
                      'live Japanese encephalitis vaccine : Imojev\n'
                      'live Ebola vaccine : Ervebo\n',
             'medicines': [{'generic': 'live oral cholera vaccine',
                            'other_names': ['live cholera'],
                            'brands': ['Vaxchora'],
                            'sources': ['VAXCHORA']},
                           {'generic': 'dengue vaccine',
                            'brands': ['Dengvaxia', 'Qdenga'],
                            'sources': ['QDENGA', 'DENGVAXIA']},
                           {'generic': 'live chikungunya vaccine',
                            'other_names': ['chikungunya live'],
                            'brands': ['Ixchiq'],
                            'sources': ['IXCHIQ']}]},
            {'id': 'vaccines-live-or-not',
             'part': 'A',
             'row': '7b',
             'kind': 'live-vaccine',
             'title': 'Vaccines with a live and a non-live form',
             'severity': 'caution',
             'strength': 'ask-which-kind',
             'message': '{name} comes as a live and as a non-live vaccine. A live one must not be '
                        'given {window}. Ask which one you are offered, and check with your '
                        'neurologist first.',
             'sources': ['MIMS-DI', 'GPN-LV', 'CRUK-LV', 'LEAFLET'],
             'medicines': [{'generic': 'flu vaccine',
                            'other_names': ['influenza'],
                            'message': '{name}: the injected flu vaccines are not live; the nasal '
                                       'spray (FluMist, Fluenz) is live and must not be given '
                                       '{window}. Ask which one you are offered, and check with '
                                       'your neurologist first.',
                            'sources': ['GPN-LV', 'CRUK-LV']},
                           {'generic': 'typhoid vaccine',
                            'message': '{name}: the injected typhoid vaccines (Typhim Vi, '
                                       'Typherix) are not live; the capsules taken by mouth '
                                       '(Vivotif) are live and must not be taken {window}. Ask '
                                       'which one you are offered, and check with your neurologist '
                                       'first.',
                            'sources': ['GPN-LV', 'CRUK-LV']},
                           {'generic': 'cholera vaccine',
                            'message': '{name}: Dukoral and Euvichol are not live; Vaxchora is '
                                       'live and must not be taken {window}. Ask which one you are '
                                       'offered, and check with your neurologist first.',
                            'sources': ['VAXCHORA']},
                           {'generic': 'polio vaccine',
                            'message': '{name}: the injected polio vaccine (IPV) is not live; the '
                                       'drops by mouth (OPV) are live and must not be given '
                                       '{window}. Ask which one you are offered, and check with '
                                       'your neurologist first.',
                            'sources': ['GPN-LV', 'MA-LV']},
                           {'generic': 'shingles vaccine',
                            'other_names': ['zoster', 'herpes zoster'],
                            'message': '{name}: Shingrix is not live; Zostavax is live and must '
                                       'not be given {window}. Ask which one you are offered, and '
                                       'check with your neurologist first.',
                            'sources': ['GPN-LV', 'AIH']},
                           {'generic': 'chikungunya vaccine',
                            'message': '{name}: Vimkunya is not live; Ixchiq is live and must not '
                                       'be given {window}. Ask which one you are offered, and '
                                       'check with your neurologist first.',
                            'sources': ['IXCHIQ']},
                           {'generic': 'smallpox vaccine',
                            'other_names': ['mpox', 'monkeypox'],
                            'message': '{name}: Jynneos (Imvanex) is not live; ACAM2000 is live '
                                       'and must not be given {window}. Ask which one you are '
                                       'offered, and check with your neurologist first.',
                            'sources': ['MA-LV']},
                           {'generic': 'Japanese encephalitis vaccine',
                            'message': '{name}: Ixiaro is not live; Imojev is live and must not be '
                                       'given {window}. Ask which one you are offered, and check '
                                       'with your neurologist first.',
                            'sources': ['GPN-LV', 'CRUK-LV']}]},
            {'id': 'non-live-vaccines',
             'part': 'A',
             'row': '7b',
             'kind': 'non-live-vaccine',
             'title': 'Vaccines that are not live',
             'severity': 'info',
             'strength': 'not-live',
             'message': '{name} is not a live vaccine, so azathioprine does not rule it out, '
                        'though it may protect you less well than usual. Check with your '
                        'neurologist before you have it, as the leaflet asks for any vaccine.',
             'sources': ['CRUK-LV', 'IDSA', 'LEAFLET'],
             'names': 'recombinant zoster vaccine = recombinant shingles : Shingrix\n'
                      'injected flu vaccine = inactivated flu, flu injection, flu shot, injected '
                      'influenza,\n'
                      '  inactivated influenza, influenza injection : Fluzone, Fluarix, Flucelvax, '
                      'Afluria, Fluad,\n'
                      '  FluLaval, Flublok, Vaxigrip, Influvac\n'
                      'COVID-19 vaccine = covid, coronavirus, covid mRNA : Comirnaty, Spikevax, '
                      'Nuvaxovid\n'
                      'pneumococcal vaccine = pneumonia, PCV, PPV : Prevenar, Prevnar, Pneumovax, '
                      'Vaxneuvance,\n'
                      '  Capvaxive\n'
                      'hepatitis B vaccine = hep B : Engerix-B, Recombivax HB, Heplisav-B, '
                      'HBvaxPRO, Fendrix\n'
                      'hepatitis A vaccine = hep A : Havrix, Vaqta, Avaxim\n'
                      'hepatitis A and B vaccine : Twinrix\n'
                      'injected typhoid vaccine = typhoid injection, inactivated typhoid, Vi '
                      'polysaccharide :\n'
                      '  Typhim Vi, Typherix\n'
                      'inactivated cholera vaccine : Dukoral, Euvichol\n'
                      'inactivated polio vaccine = IPV, polio injection, injected polio\n'
                      'rabies vaccine : Rabipur, RabAvert, Imovax, Verorab\n'
                      'inactivated Japanese encephalitis vaccine : Ixiaro\n'
                      'tick-borne encephalitis vaccine = TBE : TicoVac, FSME-Immun, Encepur\n'
                      'meningococcal vaccine = meningitis, MenACWY, MenB : Menveo, Nimenrix, '
                      'MenQuadfi, Bexsero,\n'
                      '  Trumenba, Menactra\n'
                      'tetanus vaccine = tetanus, diphtheria, whooping cough, pertussis, Tdap : '
                      'Boostrix, Adacel,\n'
                      '  Revaxis, Repevax\n'
                      'HPV vaccine = human papillomavirus : Gardasil, Cervarix\n'
                      'RSV vaccine : Arexvy, Abrysvo\n'
                      'non-live chikungunya vaccine : Vimkunya\n'
                      'non-replicating smallpox and mpox vaccine : Jynneos, Imvanex, Imvamune\n'},
            {'id': 'neuromuscular-blockers-azathioprine',
             'part': 'A',
             'row': '8',
             'kind': 'interaction',
             'title': 'Neuromuscular blockers (anaesthesia)',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} is a muscle relaxant used in anaesthesia. Azathioprine can weaken '
                        'most of these relaxants and strengthen succinylcholine (suxamethonium). '
                        'Tell the anaesthetist that you take azathioprine.',
             'sources': ['AZAFOR'],
             'medicines_of': 'neuromuscular-blockers'},
            {'id': 'telithromycin',
             'part': 'B',
             'row': '1',
             'kind': 'mg-caution',
             'title': 'Telithromycin',
             'severity': 'urgent',
             'strength': 'contraindicated',
             'message': '{name} must not be used in MG: its US label carries a boxed warning after '
                        'people with MG died of sudden breathing failure. Ask for a different '
                        'antibiotic.',
             'sources': ['KETEK', 'MGFA', 'MGFA-APP'],
             'names': 'telithromycin : Ketek\n'},
            {'id': 'fluoroquinolones',
             'part': 'B',
             'row': '2',
             'kind': 'mg-caution',
             'title': 'Fluoroquinolone antibiotics',
             'severity': 'urgent',
             'strength': 'boxed-warning',
             'message': '{name} is a fluoroquinolone antibiotic. Its US label carries a boxed '
                        'warning that it can make MG worse and should not be used by people known '
                        'to have MG. Ask whether another antibiotic will do.',
             'sources': ['FQ', 'MGFA'],
             'names': 'norfloxacin : Noroxin\n'
                      'gemifloxacin : Factive\n'
                      'delafloxacin : Baxdela, Quofenix\n'
                      'nalidixic acid : NegGram\n',
             'local': {'routes': ['eye', 'ear'],
                       'severity': 'caution',
                       'strength': 'use-with-caution',
                       'message': '{name}, used in the eye or ear: these forms of fluoroquinolone '
                                  'antibiotics carry no boxed warning, but the medicine is on MG '
                                  'caution lists. Use it only as prescribed and report any new '
                                  'weakness.',
                       'sources': ['FQ', 'MGFA']},
             'medicines': [{'generic': 'ciprofloxacin',
                            'brands': ['Cipro', 'Cipro XR', 'Proquin XR', 'Ciproxin'],
                            'local_brands': ['Ciloxan',
                                             'Cetraxal',
                                             'Otiprio',
                                             'Ciprodex',
                                             'Cipro HC']},
                           {'generic': 'levofloxacin',
                            'brands': ['Levaquin', 'Tavanic', 'Quinsair'],
                            'local_brands': ['Oftaquix']},
                           {'generic': 'moxifloxacin',
                            'brands': ['Avelox', 'Avalox'],
                            'local_brands': ['Vigamox', 'Moxeza']},
                           {'generic': 'ofloxacin',
                            'brands': ['Floxin', 'Tarivid'],
                            'local_brands': ['Ocuflox', 'Exocin']},
                           {'generic': 'gatifloxacin',
                            'local_brands': ['Zymaxid'],
                            'local_only': True},
                           {'generic': 'besifloxacin',
                            'local_brands': ['Besivance'],
                            'local_only': True}]},
            {'id': 'aminoglycosides',
             'part': 'B',
             'row': '3',
             'kind': 'mg-caution',
             'title': 'Aminoglycoside antibiotics',
             'severity': 'urgent',
             'strength': 'boxed-warning',
             'message': '{name} is an aminoglycoside antibiotic. These block the signal from nerve '
                        'to muscle and can bring on severe MG weakness; the US tobramycin '
                        'injection label warns of this in a boxed warning. They are kept for '
                        'hospital use when nothing else will do: make sure the prescriber knows '
                        'you have MG.',
             'sources': ['TOBRA', 'UPTD', 'MGFA-APP'],
             'names': 'amikacin : Amikin, Arikayce\n'
                      'streptomycin\n'
                      'kanamycin\n'
                      'plazomicin : Zemdri\n'
                      'framycetin : Soframycin\n'
                      'paromomycin : Humatin\n',
             'local': {'routes': ['eye'],
                       'severity': 'caution',
                       'strength': 'use-with-caution',
                       'message': '{name}, used in the eye: eye forms of aminoglycoside '
                                  'antibiotics are not under the boxed warning, but MG lists still '
                                  'advise caution. Use it only as prescribed and report any new '
                                  'weakness.',
                       'sources': ['UPTD', 'MGFA-APP']},
             'medicines': [{'generic': 'gentamicin',
                            'brands': ['Garamycin', 'Cidomycin', 'Genticin'],
                            'local_brands': ['Gentak']},
                           {'generic': 'tobramycin',
                            'brands': ['Nebcin', 'TOBI', 'TOBI Podhaler', 'Bethkis', 'Kitabis Pak'],
                            'local_brands': ['Tobrex', 'TobraDex']},
                           {'generic': 'neomycin',
                            'brands': ['Neo-Fradin', 'Neosporin', 'Otosporin'],
                            'local_brands': ['Maxitrol']}]},
            {'id': 'macrolides',
             'part': 'B',
             'row': '4',
             'kind': 'mg-caution',
             'title': 'Macrolide antibiotics',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} is a macrolide antibiotic. US labels of this class report MG '
                        'getting worse, and MG lists advise using it cautiously, if at all. Ask '
                        'whether another antibiotic will do, and report any new weakness.',
             'sources': ['UPTD', 'MGFA-APP'],
             'names': 'azithromycin : Zithromax, Z-Pak, Zmax, AzaSite\n'
                      'clarithromycin : Biaxin, Klacid, Klaricid\n'
                      'erythromycin : Ery-Tab, E.E.S., EryPed, Erythrocin, PCE, Erymax, '
                      'Erythroped\n'
                      'roxithromycin : Rulide\n'},
            {'id': 'magnesium-iv',
             'part': 'B',
             'row': '5',
             'kind': 'mg-caution',
             'title': 'Magnesium into a vein',
             'severity': 'urgent',
             'strength': 'avoid',
             'message': '{name}: magnesium given into a vein (as magnesium sulfate) can bring on '
                        'dangerous MG weakness, and MG lists advise it only when there is no other '
                        'way. Make sure the team knows you have MG. Magnesium taken by mouth is a '
                        'much lower concern.',
             'sources': ['MGFA', 'UPTD', 'MGFA-APP'],
             'names': 'magnesium sulfate = magnesium sulphate, mag sulfate, mag sulphate, MgSO4, '
                      'IV magnesium,\n'
                      '  intravenous magnesium, magnesium IV, magnesium infusion, magnesium '
                      'injection\n'},
            {'id': 'magnesium-oral',
             'part': 'B',
             'row': '5',
             'kind': 'mg-caution',
             'title': 'Magnesium by mouth',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name}: magnesium taken by mouth is a much lower concern in MG than '
                        'magnesium into a vein; it matters mainly when the kidneys work poorly. '
                        'Ask your doctor or pharmacist before taking it regularly.',
             'sources': ['MGFA-APP', 'UPTD'],
             'names': 'magnesium = magnesium oxide, magnesium citrate, magnesium hydroxide, '
                      'magnesium glycinate,\n'
                      '  magnesium carbonate, magnesium trisilicate, Epsom salt, Epsom salts, Milk '
                      'of Magnesia\n'},
            {'id': 'botulinum-toxins',
             'part': 'B',
             'row': '6',
             'kind': 'mg-caution',
             'title': 'Botulinum toxins',
             'severity': 'urgent',
             'strength': 'avoid',
             'message': '{name} is a botulinum toxin. MG lists say to avoid it: people with MG '
                        'risk severe weakness and trouble swallowing or breathing. Tell whoever '
                        'offers it, for cosmetic use too, that you have MG.',
             'sources': ['MGFA'],
             'names': 'botulinum toxin = botulinum\n'
                      'onabotulinumtoxinA : Botox, Botox Cosmetic, Vistabel\n'
                      'abobotulinumtoxinA : Dysport, Azzalure, Alluzience\n'
                      'incobotulinumtoxinA : Xeomin, Bocouture\n'
                      'rimabotulinumtoxinB : Myobloc, NeuroBloc\n'
                      'prabotulinumtoxinA : Jeuveau, Nuceiva\n'
                      'daxibotulinumtoxinA : Daxxify\n'
                      'letibotulinumtoxinA : Letybo\n'},
            {'id': 'beta-blockers',
             'part': 'B',
             'row': '7',
             'kind': 'mg-caution',
             'title': 'Beta-blockers (eye drops included)',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} is a beta-blocker (eye drops count too). It may make MG worse, and '
                        'MG lists advise using it cautiously. Report any new weakness to your '
                        'doctor.',
             'sources': ['UPTD', 'MGFA-APP'],
             'names': 'acebutolol : Sectral\n'
                      'atenolol : Tenormin, Tenoretic\n'
                      'betaxolol : Kerlone, Betoptic\n'
                      'bisoprolol : Zebeta, Ziac, Cardicor, Emcor, Concor\n'
                      'carvedilol : Coreg, Eucardic\n'
                      'esmolol : Brevibloc\n'
                      'labetalol : Trandate\n'
                      'metoprolol : Lopressor, Toprol-XL, Betaloc, Lopresor\n'
                      'nadolol : Corgard\n'
                      'nebivolol : Bystolic, Nebilet\n'
                      'pindolol : Visken\n'
                      'propranolol : Inderal, Inderal LA, InnoPran XL, Hemangeol\n'
                      'sotalol : Betapace, Sotacor\n'
                      '# Eye drops; the combinations hold timolol with another glaucoma medicine.\n'
                      'timolol : Timoptic, Timoptol, Istalol, Cosopt, Combigan, Xalacom, Ganfort, '
                      'DuoTrav, Azarga\n'
                      'carteolol\n'
                      'levobunolol : Betagan\n'
                      'metipranolol\n'},
            {'id': 'calcium-channel-blockers',
             'part': 'B',
             'row': '8',
             'kind': 'mg-caution',
             'title': 'Calcium channel blockers',
             'severity': 'caution',
             'strength': 'possible',
             'message': '{name} is a calcium channel blocker. Some MG guides list these as '
                        'possibly making MG worse, though the evidence is weak. Report any new '
                        'weakness to your doctor.',
             'sources': ['BMJ-BP'],
             'names': '# Lotrel, Coveram, Prestalia and Triplixam hold an ACE inhibitor too; '
                      'Caduet a statin.\n'
                      'amlodipine : Norvasc, Istin, Lotrel, Caduet, Coveram, Prestalia, Triplixam\n'
                      'nifedipine : Procardia, Adalat\n'
                      'felodipine : Plendil\n'
                      'diltiazem : Cardizem, Tiazac, Tildiem\n'
                      '# Tarka holds trandolapril (an ACE inhibitor) too.\n'
                      'verapamil : Calan, Isoptin, Securon, Tarka\n'
                      'nicardipine : Cardene\n'
                      'nimodipine : Nimotop\n'
                      'lercanidipine : Zanidip\n'
                      'isradipine\n'
                      'nisoldipine : Sular\n'
                      'lacidipine\n'},
            {'id': 'quinine-family',
             'part': 'B',
             'row': '9',
             'kind': 'mg-caution',
             'title': 'Quinine, quinidine, procainamide, chloroquine, hydroxychloroquine',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} can bring on or worsen MG, and MG lists advise using it '
                        'cautiously. (In the US, quinine is allowed only for malaria, not for leg '
                        'cramps.) Report any new weakness.',
             'sources': ['MGFA', 'UPTD', 'MGFA-APP'],
             'names': 'quinine : Qualaquin\n'
                      '# Nuedexta is dextromethorphan with quinidine.\n'
                      'quinidine : Nuedexta\n'
                      'procainamide : Pronestyl, Procanbid\n'
                      'chloroquine : Aralen, Avloclor, Nivaquine\n'
                      '# HCQ is the usual short form and names nothing else among medicines.\n'
                      'hydroxychloroquine = HCQ : Plaquenil, Quinoric, Sovuna\n'},
            {'id': 'penicillamine-mg',
             'part': 'B',
             'row': '10',
             'kind': 'mg-caution',
             'title': 'D-penicillamine',
             'severity': 'urgent',
             'strength': 'avoid',
             'message': '{name} is strongly linked to bringing on MG, and MG lists say to avoid '
                        'it. Make sure the prescriber knows you have MG.',
             'sources': ['MGFA'],
             'medicines_of': 'myelosuppressive-drugs'},
            {'id': 'checkpoint-inhibitors',
             'part': 'B',
             'row': '11',
             'kind': 'mg-caution',
             'title': 'Immune checkpoint inhibitors',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} is an immune checkpoint inhibitor (a cancer treatment). It can '
                        'trigger MG or a severe flare, sometimes with inflamed muscles or heart. '
                        'Make sure your cancer team knows you have MG, and report new weakness at '
                        'once.',
             'sources': ['UPTD', 'MEDSAFE-MG', 'MGFA-APP'],
             'names': 'nivolumab : Opdivo, Opdivo Qvantig\n'
                      'pembrolizumab : Keytruda, Keytruda Qlex\n'
                      'ipilimumab : Yervoy\n'
                      'atezolizumab : Tecentriq, Tecentriq Hybreza\n'
                      'durvalumab : Imfinzi\n'
                      'avelumab : Bavencio\n'
                      'cemiplimab : Libtayo\n'
                      'dostarlimab : Jemperli\n'
                      'tremelimumab : Imjudo\n'
                      'nivolumab and relatlimab = relatlimab : Opdualag\n'
                      'retifanlimab : Zynyz\n'
                      'toripalimab : Loqtorzi\n'
                      'tislelizumab : Tevimbra\n'},
            {'id': 'statins',
             'part': 'B',
             'row': '12',
             'kind': 'mg-caution',
             'title': 'Statins',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} is a statin. Rarely, statins bring on or worsen MG; MG lists '
                        'advise the lowest dose that works and watching for new weakness.',
             'sources': ['MEDSAFE-MG', 'UPTD', 'MGFA-APP'],
             'names': '# Caduet holds amlodipine too.\n'
                      'atorvastatin : Lipitor, Caduet\n'
                      'rosuvastatin : Crestor, Ezallor\n'
                      '# Vytorin and Inegy hold ezetimibe too.\n'
                      'simvastatin : Zocor, Flolipid, Vytorin, Inegy\n'
                      'pravastatin : Pravachol, Lipostat\n'
                      'lovastatin : Mevacor, Altoprev\n'
                      'fluvastatin : Lescol, Lescol XL\n'
                      'pitavastatin : Livalo, Zypitamag, Livazo\n'},
            {'id': 'iodinated-contrast',
             'part': 'B',
             'row': '13',
             'kind': 'mg-caution',
             'title': 'Iodinated contrast agents',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} is an iodinated contrast agent, used for scans. Older agents were '
                        'reported to cause weakness; modern ones appear generally safe, but MG '
                        'lists advise caution and watching you afterwards. Tell the radiology team '
                        'you have MG.',
             'sources': ['UPTD', 'MGFA-APP'],
             'names': 'iodinated contrast = iodine contrast, CT contrast, contrast dye\n'
                      'iohexol : Omnipaque\n'
                      'iopamidol : Isovue, Niopam\n'
                      'iodixanol : Visipaque\n'
                      'ioversol : Optiray\n'
                      'iopromide : Ultravist\n'
                      'iomeprol : Iomeron\n'
                      'diatrizoate = amidotrizoate : Gastrografin, Hypaque, Cystografin\n'},
            {'id': 'neuromuscular-blockers',
             'part': 'B',
             'row': '14',
             'kind': 'mg-caution',
             'title': 'Neuromuscular blockers (anaesthesia)',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} is a muscle relaxant used in anaesthesia. In MG the response to it '
                        "is hard to predict: it should be used only when needed, with the muscles' "
                        'response monitored. Tell the anaesthetist you have MG.',
             'sources': ['UPTD', 'ETG'],
             'names': 'succinylcholine = suxamethonium : Anectine, Quelicin\n'
                      'rocuronium : Zemuron, Esmeron\n'
                      'vecuronium : Norcuron\n'
                      'atracurium : Tracrium\n'
                      'cisatracurium : Nimbex\n'
                      'pancuronium : Pavulon\n'
                      'mivacurium : Mivacron\n'},
            {'id': 'corticosteroids',
             'part': 'B',
             'row': '15',
             'kind': 'mg-caution',
             'title': 'Corticosteroids',
             'severity': 'info',
             'strength': 'use-with-caution',
             'message': '{name} is a corticosteroid, a standard treatment for MG. A high starting '
                        'dose can make MG briefly worse in the first one to two weeks, so doctors '
                        'watch closely when starting it. Take it as prescribed and report any new '
                        'weakness.',
             'sources': ['UPTD', 'MGFA-APP'],
             'names': 'prednisone : Deltasone, Rayos\n'
                      'prednisolone : Orapred, Millipred\n'
                      'methylprednisolone : Medrol, Solu-Medrol, Depo-Medrol\n'
                      'dexamethasone : Decadron\n'
                      'hydrocortisone : Cortef, Solu-Cortef\n'
                      'deflazacort : Emflaza\n'},
            {'id': 'deferoxamine',
             'part': 'B',
             'row': '16',
             'kind': 'mg-caution',
             'title': 'Deferoxamine',
             'severity': 'caution',
             'strength': 'use-with-caution',
             'message': '{name} may make MG worse, and MG lists advise caution. Report any new '
                        'weakness.',
             'sources': ['UPTD', 'MGFA-APP'],
             'names': 'deferoxamine = desferrioxamine : Desferal\n'},
            {'id': 'interferon-alfa',
             'part': 'B',
             'row': '16',
             'kind': 'mg-caution',
             'title': 'Interferon alfa',
             'severity': 'urgent',
             'strength': 'avoid',
             'message': '{name} can bring on or worsen MG, and an Australian prescribing guideline '
                        'says to avoid it in MG. Make sure the prescriber knows you have MG.',
             'sources': ['ETG', 'MGFA-APP'],
             'names': 'interferon alfa = interferon alpha, peginterferon alfa, peginterferon '
                      'alpha, ropeginterferon\n'
                      '  alfa : Intron A, Pegasys, PegIntron, Besremi\n'},
            {'id': 'medsafe-classes',
             'part': 'B',
             'row': '16',
             'kind': 'mg-caution',
             'title': 'Benzodiazepines, antimuscarinics, tyrosine kinase inhibitors',
             'severity': 'caution',
             'strength': 'reported',
             'message': "{name} belongs to a class of medicines that New Zealand's medicines "
                        'regulator lists as able to bring on or worsen MG. Report any new weakness '
                        'to your doctor.',
             'sources': ['MEDSAFE-MG'],
             'names': 'diazepam : Valium\n'
                      'lorazepam : Ativan\n'
                      'clonazepam : Klonopin, Rivotril\n'
                      'alprazolam : Xanax\n'
                      'temazepam\n'
                      'midazolam\n'
                      'oxazepam\n'
                      'nitrazepam\n'
                      'chlordiazepoxide\n'
                      'oxybutynin : Ditropan\n'
                      'tolterodine : Detrol, Detrusitol\n'
                      'solifenacin : Vesicare\n'
                      'darifenacin : Enablex\n'
                      'fesoterodine : Toviaz\n'
                      'trospium\n'
                      'hyoscine = scopolamine : Buscopan, Kwells\n'
                      'imatinib : Glivec, Gleevec\n'
                      'dasatinib : Sprycel\n'
                      'nilotinib : Tasigna\n'
                      'sunitinib : Sutent\n'
                      'sorafenib : Nexavar\n'},
            {'id': 'lithium-phenytoin',
             'part': 'B',
             'row': '16',
             'kind': 'mg-caution',
             'title': 'Lithium and phenytoin',
             'severity': 'caution',
             'strength': 'reported',
             'message': '{name} has been reported to bring on or worsen MG. Report any new '
                        'weakness to your doctor.',
             'sources': ['UPTD', 'ETG'],
             'names': 'lithium : Priadel, Camcolit, Lithobid\nphenytoin : Dilantin, Epanutin\n'}],
 'known': [{'generic': 'azathioprine',
            'brands': ['Imuran', 'Azasan', 'Imurel', 'Imurek', 'Azamun', 'Azafor'],
            'message': '{name} is azathioprine itself, the medicine imuran is about.',
            'sources': ['LEAFLET']},
           {'generic': 'lesinurad',
            'brands': ['Zurampic'],
            'message': '{name}: lesinurad alone does not block xanthine oxidase, so it does not '
                       'slow the breakdown of azathioprine; only its combination with allopurinol '
                       '(Duzallo) does.',
            'sources': ['MIMS-DI', 'MPR']},
           {'generic': 'nystatin',
            'message': '{name} is not a statin, though its name ends like one.',
            'sources': ['MEDSAFE-MG', 'UPTD']},
           {'generic': 'cilastatin',
            'message': '{name} is not a statin, though its name ends like one.',
            'sources': ['MEDSAFE-MG', 'UPTD']},
           {'generic': 'somatostatin',
            'message': '{name} is not a statin, though its name ends like one.',
            'sources': ['MEDSAFE-MG', 'UPTD']},
           {'generic': 'magnesium stearate',
            'message': '{name} is an ingredient that helps make tablets, not a magnesium '
                       'treatment: the MG warnings about magnesium are about magnesium given as a '
                       'medicine.',
            'sources': ['MGFA', 'UPTD']}],
 'live_vaccines': {'months_after_stopping': 3,
                   'taking': 'while you take azathioprine or for at least {months} months after '
                             'you stop',
                   'stopped': 'until at least {until}, {months} months after you stopped '
                              'azathioprine on {stopped_on}',
                   'ended': '{name} is a live vaccine. You stopped azathioprine on {stopped_on}; '
                            'the {months} months the label asks you to wait after stopping ended '
                            'on {until}. Check with your neurologist before you have it, as the '
                            'leaflet asks for any vaccine.',
                   'sources': ['MIMS-DI', 'LEAFLET']},
 'unknown': {'message': "Not in imuran's list; this does not mean it is safe: ask your pharmacist, "
                        'and tell them you take azathioprine and have MG.',
             'sources': ['LEAFLET']},
 'nothing_listed': {'message': 'No interaction with azathioprine and no MG warning is listed for '
                               "it in imuran's sources.",
                    'sources': ['MIMS-DI', 'MGFA', 'UPTD', 'MEDSAFE-MG']}}

"""A short storm report written for these tests, in English and in Chinese and Japanese translations
that keep every figure, date and name (the cross-lingual aligner and detector tests share it)."""

ENGLISH_SENTENCES = [
    "Storm Elena made landfall near the port of Valdora on Sunday night.",
    "Winds of up to 160 kilometres an hour tore roofs off hundreds of homes.",
    "The regional governor, Marta Quiroga, said three people had died.",
    "About 40,000 households were left without electricity.",
    "Schools in the province will stay closed until March 14.",
    "Forecasters expect the storm to weaken as it moves inland.",
]
CHINESE = [
    "风暴埃莱娜周日晚间在瓦尔多拉港附近登陆。",
    "时速高达160公里的大风掀翻了数百座房屋的屋顶。",
    "地区州长玛尔塔·基罗加（Marta Quiroga）说，已有三人死亡。",
    "约4万户家庭断电。",
    "该省学校将停课至3月14日。",
    "气象人员预计风暴进入内陆后将减弱。",
]
JAPANESE = [
    "嵐エレナは日曜日の夜、バルドラ港の近くに上陸した。",
    "最大時速160キロメートルの風が数百軒の住宅の屋根を吹き飛ばした。",
    "キロガ州知事は、3人が死亡したと述べた。",
    "約4万世帯が停電した。",
    "州内の学校は3月14日まで休校となる。",
    "予報官は、嵐は内陸に進むにつれて弱まるとみている。",
]

## 执行部分段落的对象（/summary、/compare），按联合国中文正式文本的叫法。

addressee-states = 各国
addressee-secretary-general = 秘书长
addressee-special-rapporteur = 特别报告员
addressee-special-representative = 特别代表
addressee-ohchr = 人权高专办
addressee-un-bodies = 联合国各机构、组织和机关
addressee-non-state-actors = 非国家行为体和工商企业
addressee-general-assembly = 大会

// Names and plain-language explanations of every measure in English and Chinese (for tables, reports and the UI).

import type { NetworkMeasure, NodeMeasure } from './analyze.js'

export interface MeasureText {
  en: string
  zh: string
  /** One sentence a community worker can follow. */
  explainEn: string
  explainZh: string
}

export const MEASURE_INFO: Record<NetworkMeasure | NodeMeasure, MeasureText> = {
  nodes: {
    en: 'Nodes',
    zh: '节点数',
    explainEn: 'How many actors the network has.',
    explainZh: '网络中行动者的数量。',
  },
  edges: {
    en: 'Ties',
    zh: '关系数',
    explainEn: 'How many ties (collaborations) were recorded.',
    explainZh: '记录到的关系（协作）数量。',
  },
  density: {
    en: 'Density',
    zh: '密度',
    explainEn: 'Share of all possible ties that exist (0 = nobody works together, 1 = everybody with everybody).',
    explainZh: '实际关系占所有可能关系的比例（0 表示无人协作，1 表示人人互相协作）。',
  },
  reciprocity: {
    en: 'Reciprocity',
    zh: '互惠性',
    explainEn: 'Share of directed ties that are returned (A→B and B→A).',
    explainZh: '有向关系中得到回应（A→B 且 B→A）的比例。',
  },
  transitivity: {
    en: 'Transitivity',
    zh: '传递性',
    explainEn: 'How often two partners of an actor also work with each other (closed triangles).',
    explainZh: '一个行动者的两个伙伴彼此也有合作的频率（闭合三角）。',
  },
  averageClustering: {
    en: 'Average clustering',
    zh: '平均聚类系数',
    explainEn: 'Average, over actors, of how connected their partners are among themselves.',
    explainZh: '各行动者的伙伴之间相互联系程度的平均值。',
  },
  components: {
    en: 'Components',
    zh: '连通分量数',
    explainEn: 'Number of separate parts that have no tie between them (an isolated actor is a part).',
    explainZh: '彼此之间没有任何关系的独立部分数量（孤立的行动者也算一个部分）。',
  },
  strongComponents: {
    en: 'Strong components',
    zh: '强连通分量数',
    explainEn: 'Number of parts in which everyone can reach everyone following tie directions.',
    explainZh: '按关系方向人人可以互相到达的部分数量。',
  },
  diameter: {
    en: 'Diameter',
    zh: '直径',
    explainEn: 'The longest shortest path: how many steps the two most distant connected actors are apart.',
    explainZh: '最长的最短路径：相距最远的两个相连行动者之间的步数。',
  },
  averageGeodesicDistance: {
    en: 'Average distance',
    zh: '平均测地距离',
    explainEn: 'Average number of steps between actors who can reach each other.',
    explainZh: '能够互相到达的行动者之间的平均步数。',
  },
  degreeCentralization: {
    en: 'Degree centralization',
    zh: '度数中心势',
    explainEn: 'How much the ties are concentrated on one actor (1 = a star around a single centre).',
    explainZh: '关系集中在单个行动者身上的程度（1 表示围绕单一中心的星形）。',
  },
  inDegreeCentralization: {
    en: 'In-degree centralization',
    zh: '入度中心势',
    explainEn: 'How much incoming ties are concentrated on one actor.',
    explainZh: '指向行动者的关系集中于某一行动者的程度。',
  },
  outDegreeCentralization: {
    en: 'Out-degree centralization',
    zh: '出度中心势',
    explainEn: 'How much outgoing ties are concentrated on one actor.',
    explainZh: '由行动者发出的关系集中于某一行动者的程度。',
  },
  betweennessCentralization: {
    en: 'Betweenness centralization',
    zh: '中介中心势',
    explainEn: 'How much one actor controls the paths between the others (1 = everything passes one broker).',
    explainZh: '单个行动者控制他人之间路径的程度（1 表示一切都经过同一个中间人）。',
  },
  closenessCentralization: {
    en: 'Closeness centralization',
    zh: '接近中心势',
    explainEn: 'How much one actor is closer to everyone than the others are.',
    explainZh: '某一行动者比其他人更接近所有人的程度。',
  },
  degree: {
    en: 'Degree',
    zh: '度数',
    explainEn: 'Number of ties of the actor (directed: received plus sent).',
    explainZh: '行动者的关系数量（有向网络为收到与发出之和）。',
  },
  inDegree: { en: 'In-degree', zh: '入度', explainEn: 'Ties the actor receives.', explainZh: '行动者收到的关系数。' },
  outDegree: { en: 'Out-degree', zh: '出度', explainEn: 'Ties the actor sends.', explainZh: '行动者发出的关系数。' },
  strength: {
    en: 'Strength',
    zh: '强度',
    explainEn: "Sum of the values of the actor's ties (e.g. how often they work together).",
    explainZh: '行动者所有关系取值之和（例如合作的频次）。',
  },
  inStrength: {
    en: 'In-strength',
    zh: '入强度',
    explainEn: 'Sum of the values of ties received.',
    explainZh: '收到的关系取值之和。',
  },
  outStrength: {
    en: 'Out-strength',
    zh: '出强度',
    explainEn: 'Sum of the values of ties sent.',
    explainZh: '发出的关系取值之和。',
  },
  degreeNormalized: {
    en: 'Degree (normalised)',
    zh: '标准化度数',
    explainEn: 'Degree divided by the number of other actors.',
    explainZh: '度数除以其他行动者的数量。',
  },
  inDegreeNormalized: {
    en: 'In-degree (normalised)',
    zh: '标准化入度',
    explainEn: 'In-degree divided by the number of other actors.',
    explainZh: '入度除以其他行动者的数量。',
  },
  outDegreeNormalized: {
    en: 'Out-degree (normalised)',
    zh: '标准化出度',
    explainEn: 'Out-degree divided by the number of other actors.',
    explainZh: '出度除以其他行动者的数量。',
  },
  closeness: {
    en: 'Closeness',
    zh: '接近中心性',
    explainEn: 'How few steps others need to reach this actor (higher = closer to everyone).',
    explainZh: '其他行动者到达该行动者所需的步数越少，数值越高。',
  },
  harmonicCloseness: {
    en: 'Harmonic closeness',
    zh: '调和接近中心性',
    explainEn: 'Closeness that also works when some actors cannot be reached.',
    explainZh: '在部分行动者不可达时依然适用的接近中心性。',
  },
  outCloseness: {
    en: 'Out-closeness',
    zh: '出接近中心性',
    explainEn: 'How few steps this actor needs to reach the others.',
    explainZh: '该行动者到达他人所需的步数越少，数值越高。',
  },
  outHarmonicCloseness: {
    en: 'Out-harmonic closeness',
    zh: '出调和接近中心性',
    explainEn: 'Harmonic closeness along outgoing ties.',
    explainZh: '沿发出关系计算的调和接近中心性。',
  },
  betweenness: {
    en: 'Betweenness',
    zh: '中介中心性',
    explainEn: 'How often the actor lies on the shortest paths between others: a broker others depend on.',
    explainZh: '行动者处于他人之间最短路径上的频率：他人依赖的"中间人"。',
  },
  betweennessNormalized: {
    en: 'Betweenness (normalised)',
    zh: '标准化中介中心性',
    explainEn: 'Betweenness as a share of the largest possible value.',
    explainZh: '中介中心性占最大可能值的比例。',
  },
  eigenvector: {
    en: 'Eigenvector',
    zh: '特征向量中心性',
    explainEn: 'Importance from being tied to other important actors.',
    explainZh: '因与其他重要行动者相连而获得的重要性。',
  },
  pagerank: {
    en: 'PageRank',
    zh: 'PageRank',
    explainEn: 'Importance from the ties received, weighted by the importance of their senders.',
    explainZh: '由收到的关系决定的重要性，发出者越重要权重越高。',
  },
  weightedPagerank: {
    en: 'PageRank (weighted)',
    zh: '加权 PageRank',
    explainEn: 'PageRank that counts stronger ties more.',
    explainZh: '关系越强计入越多的 PageRank。',
  },
  localClustering: {
    en: 'Clustering',
    zh: '局部聚类系数',
    explainEn: "Share of the actor's partners that also work with each other.",
    explainZh: '行动者的伙伴之间彼此也有合作的比例。',
  },
  coreness: {
    en: 'Coreness (k-core)',
    zh: '核数（k-核）',
    explainEn:
      "Depth in the network's core: the largest k such that the actor sits in a group where everyone has at least k ties.",
    explainZh: '在网络核心中的深度：行动者所在群体中每人至少有 k 个关系的最大 k。',
  },
  constraint: {
    en: 'Constraint (Burt)',
    zh: '约束系数（Burt）',
    explainEn: "How much the actor's partners are tied to each other; low = the actor bridges structural holes.",
    explainZh: '行动者的伙伴彼此相连的程度；数值低表示该行动者跨越结构洞。',
  },
  effectiveSize: {
    en: 'Effective size',
    zh: '有效规模',
    explainEn: "Number of partners who are not redundant (not tied to the actor's other partners).",
    explainZh: '非冗余伙伴的数量（与该行动者其他伙伴不相连）。',
  },
  efficiency: {
    en: 'Efficiency',
    zh: '效率',
    explainEn: 'Effective size divided by the number of partners.',
    explainZh: '有效规模除以伙伴数量。',
  },
  hierarchy: {
    en: 'Hierarchy (Burt)',
    zh: '等级度（Burt）',
    explainEn: 'How much of the constraint comes from a single partner (0 = spread evenly, 1 = all from one).',
    explainZh: '约束集中来自某一个伙伴的程度（0 表示平均分布，1 表示全部来自一个伙伴）。',
  },
  weightedBetweenness: {
    en: 'Betweenness (weighted)',
    zh: '加权中介中心性',
    explainEn: 'Betweenness where strong ties are short paths.',
    explainZh: '把强关系视为短路径的中介中心性。',
  },
  weightedBetweennessNormalized: {
    en: 'Betweenness (weighted, normalised)',
    zh: '标准化加权中介中心性',
    explainEn: 'Weighted betweenness as a share of the largest possible value.',
    explainZh: '加权中介中心性占最大可能值的比例。',
  },
  weightedCloseness: {
    en: 'Closeness (weighted)',
    zh: '加权接近中心性',
    explainEn: 'Closeness where strong ties are short.',
    explainZh: '把强关系视为短距离的接近中心性。',
  },
}

/** The name of a measure in a language. */
export function measureName(key: NetworkMeasure | NodeMeasure, lang: 'en' | 'zh-CN' = 'en'): string {
  const t = MEASURE_INFO[key]
  return lang === 'zh-CN' ? t.zh : t.en
}

/** A country's figures over the years: the series, the headline rule, the comparison of countries, the chart, the tables. */
export * from './model';
export { HeadlineReader, OWNER, type Demotion } from './headline';
export { allSeries, compareCountries, countries, countrySeries, headlineValue } from './series';
export { compact, tierShort, timelineSvg, type SvgOptions } from './svg';
export { disagreementFindings } from './findings';
export * from './tables';

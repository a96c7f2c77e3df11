/** A country's figures over the years: the series, the headline rule, the comparison of countries, the chart. */
export * from './model';
export { HeadlineReader, OWNER, type Demotion } from './headline';
export { allSeries, compareCountries, countries, countrySeries, headlineValue } from './series';
export { compact, tierShort, timelineSvg, type SvgOptions } from './svg';

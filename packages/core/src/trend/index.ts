/**
 * Trends of a metric across monitoring windows: the least-squares line (weighted by the
 * labelled predictions per window when given), the confidence band of its mean, and the decay
 * forecast of when it reaches a threshold, as scipy.stats.linregress and statsmodels' WLS.
 */
export {
  type CrossingDirection,
  type CrossingForecast,
  type ForecastCrossingOptions,
  forecastCrossing,
} from './forecast-crossing.js';
export {
  type LinearTrend,
  type LinearTrendOptions,
  linearTrend,
  type PredictTrendOptions,
  predictTrend,
  type TrendPrediction,
} from './linear-trend.js';

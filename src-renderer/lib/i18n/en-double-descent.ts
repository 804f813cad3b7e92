/** English strings of the double-descent lab (spread into `en`; the truth and noise fields are the shared `lab.*` strings). */
export const enDoubleDescent = {
  'tool.double-descent': 'Double descent',

  'dd.title': 'Double descent',
  'dd.caption':
    'Fit n noisy points with p random ReLU features φⱼ(x) = relu(wⱼx + bⱼ) by minimum-norm least squares, for p = 1 to P. The test error rises to a peak where p reaches n, the interpolation threshold, and falls again beyond it (Belkin et al. 2019; Nakkiran et al. 2020). A little ridge removes the peak.',
  'dd.maxFeatures': 'Features up to P',
  'dd.chosen': 'Features p shown',
  'dd.ridgeSwitch': 'Ridge',
  'dd.ridgeOn': 'Ridge on',
  'dd.ridgeOff': 'Minimum norm (ridge off)',
  'dd.ridge': 'Ridge λ',

  'dd.curve.heading': 'Test and training error against the number of features',
  'dd.curve.caption': 'Click a point for its formula with the numbers. The test error is measured against the noiseless true function on {points} points.',
  'dd.curve.title': 'Training and test error for p = 1 to {max} random ReLU features',
  'dd.curve.x': 'features p',
  'dd.curve.y': 'squared error',
  'dd.threshold': 'p = n = {n}',
  'dd.chosenMark': 'p = {p}',
  'dd.point': 'p = {p}: {quantity} {value}',

  'dd.fit.heading': 'The fit with p = {p} features',
  'dd.fit.caption': 'Dashed: the true function; points: the {n} training points; line: the fitted model. Click the line for its value at a point.',
  'dd.fit.title': 'Fit with {p} random ReLU features',
  'dd.fit.line': 'fit f̂',
  'dd.fit.point': 'f̂ at x = {x}',

  'dd.quantity.train_error': 'training error',
  'dd.quantity.test_error': 'test error',
  'dd.quantity.coefficient_norm': 'coefficient norm ‖c‖',
  'dd.quantity.fit': 'prediction f̂(x)',
  'dd.rank': 'rank {rank}',
  'dd.model': 'p = {p} features',

  'dd.summary.peak': 'The test error is highest at p = {peak} ({value}); the interpolation threshold is p = n = {n}.',
  'dd.summary.peakRidge': 'With ridge λ = {ridge}, the highest test error is at p = {peak} ({value}); at p = n = {n} it is {atThreshold}.',
  'dd.summary.beyond': 'At p = {max}, far past the threshold, the test error is {value}.',
  'dd.summary.thresholdOutside': 'The interpolation threshold p = n = {n} is beyond P = {max}: raise P to see the peak.',
} as const;

/**
 * English strings of the app shell and the shared components (issue 10): theme and motion
 * settings, panels, popovers, legends, number fields. Persian: fa-shell.ts.
 */
export const enShell = {
  'theme.label': 'Theme',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'theme.system': 'Match the system',
  'motion.label': 'Motion',
  'motion.system': 'Motion: as the system',
  'motion.reduce': 'Motion: off',
  'motion.full': 'Motion: on',
  'shell.settings': 'Display',
  'tabs.scrollBack': 'Show the earlier tabs',
  'tabs.scrollForward': 'Show the further tabs',
  /** The Network toolbar's load button in a small window (its name stays builder.presetLoad). */
  'builder.presetLoadShort': 'Load',

  'panel.close': 'Close',
  'popover.close': 'Close',

  'legend.negative': 'negative',
  'legend.zero': 'zero',
  'legend.positive': 'positive',
  'legend.diverging': '{label}: red is negative, white is zero, blue is positive',
  'legend.divergingDark': '{label}: red is negative, dark is zero, blue is positive',
  'legend.sequential': '{label}: from {min} (light) to {max} (dark)',
  'legend.sequentialDark': '{label}: from {min} (dark) to {max} (bright)',

  'number.invalid': 'Enter a number',
  'number.integer': 'Enter a whole number',
  'number.range': 'Enter a number from {min} to {max}',
  'number.atLeast': 'Enter a number of at least {min}',
  'number.atMost': 'Enter a number of at most {max}',
  'number.above': 'Enter a number greater than {min}',
  'number.below': 'Enter a number less than {max}',

  'derivations.layerTitle': 'Layer {index}, {type}: how its numbers are computed',
  'derivations.loading': 'Loading the arithmetic…',
  'derivations.none': 'This layer has no numbers to derive.',
} as const;

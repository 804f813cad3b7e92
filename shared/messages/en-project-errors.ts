import type { ProjectErrorCode, ProjectInvalidReason } from '../project/project';

/** English phrasing of project-file errors: word for word the reader's `message` (a test holds them equal). */
export const enProjectErrors = {
  codes: {
    too_large: 'the file is larger than {limitMb} MB',
    not_json: 'the file is not valid JSON ({detail})',
    not_a_project: 'the file is not a Layerwise project (it has no "format": "{format}")',
    newer_version:
      'the file was written by a newer Layerwise (project version {version}; this version reads up to {supported}); update Layerwise to open it',
    invalid: '{reason:invalidReason}',
  } satisfies Record<ProjectErrorCode, string>,
  tables: {
    invalidReason: {
      version: '"version" must be a whole number from 1 up',
      migration: '{detail}',
      schema: '{detail}',
    } satisfies Record<ProjectInvalidReason, string>,
  },
};

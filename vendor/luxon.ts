// Build entry for luxon (date parsing in the workflow's time zone); bundled by `gulp build` like
// the Seam SDK, because community nodes may not declare runtime dependencies.
export { DateTime } from 'luxon';

// Build entry for ical.js (Philipp Kewisch's iCalendar parser, used by Thunderbird; MPL-2.0), for
// the calendar feeds that Airbnb, Booking.com and Vrbo export. `gulp build` replaces the compiled
// dist/vendor/ical.js with an esbuild bundle of this file, so the package has no runtime
// dependencies; the bundle is the unmodified library with a notice naming its licence and source.
// Import it only through nodes/Seam/shared/stays/calendar/ical.ts, which loads it lazily.
import ICAL from 'ical.js';

/** iCalendar text → jCal (RFC 7265): unfolded lines, parameters and typed, unescaped values. */
export const parse = ICAL.parse;
/** A jCal component with its properties and subcomponents. */
export const Component = ICAL.Component;
/** A VTIMEZONE definition: UTC offsets at any local time, from its STANDARD/DAYLIGHT rules. */
export const Timezone = ICAL.Timezone;
/** A local date-time, to be placed in a Timezone. */
export const Time = ICAL.Time;

// The one place where form fields are read: every operation reads its parameters through
// `readForm(this, i)`, so every field accepts and refuses values the same way.
export { type Choice } from './choices';
export { describeValue } from './describeValue';
export {
	type Field,
	FormReader,
	MAX_LIMIT,
	readForm,
	type ReturnLimit,
	type TimeWindow,
} from './formReader';
export { InputProblem } from './inputProblem';

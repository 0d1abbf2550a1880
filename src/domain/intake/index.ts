export { type Answers, type CheckboxAnswer, checkboxAnswer, rawAnswer, singleText } from './answers';
export {
  type Application,
  emailAnswer,
  FIELD_LIMITS,
  type IntakeContext,
  parseApplication,
} from './application';
export { type ChoiceMentor, type ChoicesContext, type MenteeChoices, parseChoices } from './choices';
export { type ApplicantRoleRow, CROSS_ROLE_PROBLEM, crossRoleProblem, selfPairs } from './cross-role';

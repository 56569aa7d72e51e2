/** Users, passwords, sessions and API tokens. */
export { hashPoolStats } from './hash-pool.ts';
export { PASSWORD_MIN_SCORE, passwordProblem } from './password-policy.ts';
export {
  listPasswordResetRequests,
  type PasswordResetRequestView,
  previousVisit,
  requestPasswordReset,
} from './reset-requests.ts';
export { PASSWORD_MIN_LENGTH } from './secrets.ts';
export {
  type ApiTokenView,
  type Authenticated,
  actorFromUser,
  authenticateBearer,
  authenticateSession,
  createApiToken,
  DEFAULT_SESSION_POLICY,
  type LoginResult,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
  SESSION_COMMANDS,
  type SessionPolicy,
  TOKEN_PREFIX,
} from './sessions.ts';
export { type SignInContext, signIn } from './sign-in.ts';
export { LOGIN_THROTTLE, waitText } from './throttle.ts';
export {
  type CreatedUser,
  changeOwnPassword,
  createUser,
  ensureInitialAdmin,
  getUser,
  listUsers,
  resetPassword,
  USER_COMMANDS,
  type UserView,
  updateUser,
  usersById,
} from './users.ts';
export { userViewSchema } from './views.ts';

/** Users, passwords, sessions and API tokens. */
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
} from './sessions.ts';
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

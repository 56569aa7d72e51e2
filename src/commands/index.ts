export {
  type Command,
  type CommandContext,
  type CommandInput,
  type CommandOutcome,
  type CommandResult,
  defineCommand,
  execute,
  executeValidated,
  parseInput,
  toFieldIssues,
} from './command.ts';

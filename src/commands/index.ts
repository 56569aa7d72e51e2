export {
  type Command,
  type CommandContext,
  type CommandInput,
  type CommandOutcome,
  CommandRegistry,
  type CommandResult,
  defineCommand,
  execute,
  executeValidated,
  parseInput,
  toFieldIssues,
} from './command.ts';

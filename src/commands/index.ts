export {
  type Command,
  type CommandContext,
  type CommandInput,
  type CommandOutcome,
  CommandRegistry,
  type CommandResult,
  defineCommand,
  execute,
  parseInput,
  toFieldIssues,
} from './command.ts';

/** The command table: commands, options and help. No logic: each action calls a command module. */
import { Argument, Command, CommanderError, Option } from 'commander';
import type { Io } from './io/io.js';
import { UsageError } from './io/io.js';
import { TOOL } from './commands/output.js';
import { VALIDATION_FORMATS } from './render/validation/index.js';

const EXIT_CODES_HELP = `
Exit codes:
  0  every submission is valid (or the command succeeded)
  1  some submission is invalid
  2  usage, configuration or I/O error`;

export async function main(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv.filter((a) => a !== '--debug'), { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander's own default for a usage error is 1; ours is 2. Help and --version are 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`threatmerge: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`threatmerge: internal error: ${message}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    else io.stderr.write('hint: run again with --debug for details, and report it with the input that caused it\n');
    return 2;
  }
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('threatmerge')
    .description('Merge partners\' cyber threat assessments into one joint, explainable priority list.')
    .version(TOOL.toolVersion, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run threatmerge --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText('after', `
Commands in a typical run:
  $ threatmerge validate samples/                 check submissions before sending or merging
  $ threatmerge merge samples/                    joint priority ranking on the terminal
  $ threatmerge report samples/ -f html -o r.html shareable report
${EXIT_CODES_HELP}

Add --debug to any command to see a stack trace on internal errors.`);

  const colour = (cmd: Command) =>
    cmd.option('--color', 'force coloured output').option('--no-color', 'never colour the output');

  const validate = program
    .command('validate')
    .description('check submissions against the threat-assessment schema (v1) and report every problem with its file, line and column')
    .argument('<paths...>', 'files, directories (every *.yaml, *.yml, *.json below), glob patterns, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...VALIDATION_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write the report to FILE (atomically) instead of standard output')
    .option('-q, --quiet', 'print only problems', false)
    .option('--strict', 'warnings fail too (exit 1)', false)
    .option('--stdin-filepath <name>', 'file name to use in messages for standard input (its extension picks YAML or JSON)')
    .addHelpText('after', `
Examples:
  $ threatmerge validate samples/
  $ threatmerge validate 'submissions/**/*.yaml' --strict
  $ threatmerge validate nl.yaml -f sarif -o results.sarif     # upload to GitHub code scanning
  $ threatmerge validate . -f junit -o junit.xml               # Jenkins, GitLab test reports
  $ cat nl.yaml | threatmerge validate - --stdin-filepath nl.yaml
${EXIT_CODES_HELP}`)
    .action(async (paths: string[], opts) => {
      const { runValidate } = await import('./commands/validate.js');
      setExit(await runValidate(paths, opts, io));
    });
  colour(validate);

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const mergeOptions = (cmd: Command) =>
    cmd
      .option('--skip-invalid', 'leave out invalid submissions (reported on standard error) instead of stopping', false)
      .option('--aliases <file>', 'alias knowledge: MISP galaxy cluster, STIX 2.1 bundle, or YAML map canonical: [aliases] (repeatable)', collect)
      .option('--decisions <file>', 'analyst decisions: entries that are the same or different threats (repeatable)', collect)
      .addOption(new Option('-m, --method <method>', 'ranking method').choices(['weighted', 'schulze', 'borda', 'rrf']))
      .option('-c, --config <file>', `configuration file (default: ./threatmerge.config.yaml when present)`)
      .option('--audience <tlp>', 'keep only entries that may be shared with this TLP audience: clear, green, amber, amber+strict or red (TLP:GREEN etc. also accepted)')
      .option('--stdin-filepath <name>', 'file name to use in messages for standard input')
      .option('-q, --quiet', 'no warnings on standard error', false);

  const mergeCmd = program
    .command('merge')
    .description('merge submissions: recognise the same threat across partners and rank the joint priorities')
    .argument('<paths...>', 'files, directories, glob patterns, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-o, --output <file>', 'write the result to FILE (atomically) instead of standard output')
    .option('--top <n>', 'show only the first N threats in the table (never limits JSON)')
    .option('--review <file>', 'write the uncertain pairs to FILE in the decisions format, to confirm or reject');
  mergeOptions(mergeCmd)
    .addHelpText('after', `
Examples:
  $ threatmerge merge samples/
  $ threatmerge merge samples/ --top 10 --method schulze
  $ threatmerge merge samples/ -f json -o merged.json
  $ threatmerge merge samples/ --aliases ransomware-galaxy.json --decisions decisions.yaml
  $ threatmerge merge samples/ --review review.yaml      # then edit it and pass --decisions review.yaml
${EXIT_CODES_HELP}`)
    .action(async (paths: string[], opts) => {
      const { runMerge } = await import('./commands/merge.js');
      setExit(await runMerge(paths, opts, io));
    });
  colour(mergeCmd);

  const reportCmd = program
    .command('report')
    .description('write the combined priority report (HTML, Markdown, CSV, JSON or STIX 2.1), marked with the right TLP')
    .argument('<paths...>', 'partner submissions (merged as merge does), or one merged result from merge --format json')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['html', 'markdown', 'csv', 'json', 'stix']).default('html'))
    .option('-o, --output <file>', 'write the report to FILE (atomically) instead of standard output')
    .option('--timestamp', 'print when the report was generated (SOURCE_DATE_EPOCH if set, else now)', false);
  mergeOptions(reportCmd)
    .addHelpText('after', `
Examples:
  $ threatmerge report samples/ -f html -o report.html
  $ threatmerge report samples/ -f markdown --audience green -o report.md   # withhold AMBER and RED entries
  $ threatmerge merge samples/ -f json -o merged.json && threatmerge report merged.json -f csv -o priorities.csv
  $ threatmerge report samples/ -f stix -o bundle.json
${EXIT_CODES_HELP}`)
    .action(async (paths: string[], opts) => {
      const { runReport } = await import('./commands/report.js');
      setExit(await runReport(paths, opts, io));
    });
  colour(reportCmd);

  program
    .command('schema')
    .description('print a published JSON Schema (submission by default)')
    .addArgument(new Argument('[name]', 'which schema').choices(['submission', 'merged', 'config']).default('submission'))
    .option('-o, --output <file>', 'write the schema to FILE')
    .addHelpText('after', `
Examples:
  $ threatmerge schema > threat-assessment.v1.schema.json
  $ threatmerge schema merged`)
    .action(async (name: 'submission' | 'merged' | 'config', opts) => {
      const { runSchema } = await import('./commands/schema.js');
      setExit(await runSchema(name, opts, io));
    });

  return program;
}

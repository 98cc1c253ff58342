
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'async-up' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'async-up'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'async-up' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Join a team')
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Write today''s update: yesterday, today, blockers')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'Show everyone''s latest update')
            [CompletionResult]::new('blockers', 'blockers', [CompletionResultType]::ParameterValue, 'List every open blocker in each member''s latest update')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Push local updates and fetch everyone else''s')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show one person''s updates, oldest first')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check that every commit to a member''s files was made by that member')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether you have written today''s update')
            [CompletionResult]::new('mentions', 'mentions', [CompletionResultType]::ParameterValue, 'List open blockers, today-items and replies that mention you (`@handle`), newest first')
            [CompletionResult]::new('me', 'me', [CompletionResultType]::ParameterValue, 'Set your time zone, workdays, working hours, focus blocks, region and email')
            [CompletionResult]::new('away', 'away', [CompletionResultType]::ParameterValue, 'Mark yourself away from one date until another (both included)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Show participation, blockers and wellbeing signals over a period')
            [CompletionResult]::new('digest', 'digest', [CompletionResultType]::ParameterValue, 'Summarise a period: plans against what was reported, blockers, time away')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write an HTML report: no network, no script, charts as inline SVG')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put back your updates that a rewrite of the team''s history removed')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Reply to a teammate''s update, or react to it')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'Show what is new since you last ran it, and mark it read')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search updates, blockers and replies, newest first')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Remind you to write your update, when it is time')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check git, identity, config, remote, branch, pending updates, clock and mirror')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Write completions/ and man/ from this definition (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'async-up;init' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Your handle (default: the local part of git''s user.email)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Your display name (default: git''s user.name)')
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Your IANA time zone (default: the machine''s)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The email your commits to this team carry (default: git''s user.email; asked for on a terminal when git has none)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;write' {
            [CompletionResult]::new('--yesterday', '--yesterday', [CompletionResultType]::ParameterName, 'What you did (repeatable: one item each)')
            [CompletionResult]::new('--today', '--today', [CompletionResultType]::ParameterName, 'What you plan (repeatable)')
            [CompletionResult]::new('--blocker', '--blocker', [CompletionResultType]::ParameterName, 'Something blocking you (repeatable); the same text is not added twice')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Resolve an open blocker by id, or `all` (repeatable)')
            [CompletionResult]::new('--mood', '--mood', [CompletionResultType]::ParameterName, 'Your mood, 1 (bad) to 5 (great)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Write for an earlier date instead of today (YYYY-MM-DD), to backfill')
            [CompletionResult]::new('--answer', '--answer', [CompletionResultType]::ParameterName, 'Answer one of the team''s own questions (repeatable); lists take `a; b`')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Open $VISUAL or $EDITOR on the update as TOML')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Commit locally only; `async-up sync` pushes later')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail if nothing is given to write')
            [CompletionResult]::new('--suggest', '--suggest', [CompletionResultType]::ParameterName, 'Print suggestions for yesterday (your commits since your previous update) and exit')
            [CompletionResult]::new('--from-activity', '--from-activity', [CompletionResultType]::ParameterName, 'Use the suggestions as yesterday, without prompts')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;team' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Show exactly the updates dated D (YYYY-MM-DD)')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only these members (repeatable)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first; show what the mirror has')
            [CompletionResult]::new('--all-teams', '--all-teams', [CompletionResultType]::ParameterName, 'Show every joined team in one view, each entry marked with its team (or give --team more than once)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;blockers' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only blockers open for more than DAYS days')
            [CompletionResult]::new('--mentions', '--mentions', [CompletionResultType]::ParameterName, 'Only blockers that mention this handle (`@handle`)')
            [CompletionResult]::new('--post', '--post', [CompletionResultType]::ParameterName, 'Post to this chat webhook (http or https) instead of printing, when there are blockers: slack as Block Kit JSON, markdown as {"text": ...} ({"content": ...} for Discord). The exit code stays 1 after a post')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first; show what the mirror has')
            [CompletionResult]::new('--require-fresh', '--require-fresh', [CompletionResultType]::ParameterName, 'Exit 2 instead of judging stale data when the remote cannot be fetched')
            [CompletionResult]::new('--all-teams', '--all-teams', [CompletionResultType]::ParameterName, 'Show every joined team in one view, each entry marked with its team (or give --team more than once)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;sync' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;log' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start from this date (YYYY-MM-DD) or span back (7d, 2w, 3m, 1y)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first; show what the mirror has')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only commits after this revision')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;status' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;mentions' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;me' {
            [CompletionResult]::new('--timezone', '--timezone', [CompletionResultType]::ParameterName, 'Your IANA time zone')
            [CompletionResult]::new('--hours', '--hours', [CompletionResultType]::ParameterName, 'Working hours, HH:MM-HH:MM in your zone')
            [CompletionResult]::new('--focus', '--focus', [CompletionResultType]::ParameterName, 'Focus blocks, HH:MM-HH:MM (repeatable; replaces the list)')
            [CompletionResult]::new('--workdays', '--workdays', [CompletionResultType]::ParameterName, 'Workdays: day names or ranges, such as Mon-Thu (repeatable; replaces the list)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Your display name')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Your email: the committer address `audit` expects on your commits')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Your region, such as de or us-ca: the team''s holidays for it (holidays.toml) are your days off')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-focus', '--no-focus', [CompletionResultType]::ParameterName, 'Remove all focus blocks')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;away' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day away (default: today)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Last day away')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A word for teammates')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Remove every away period (you are back)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;stats' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date or a span back (default: 4w)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the period (default: today)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first')
            [CompletionResult]::new('--all-teams', '--all-teams', [CompletionResultType]::ParameterName, 'Show every joined team in one view, each entry marked with its team (or give --team more than once)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;digest' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date or a span back (default: --week)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the period (default: today)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--post', '--post', [CompletionResultType]::ParameterName, 'Post to this chat webhook (http or https) instead of printing: slack as Block Kit JSON, markdown as {"text": ...} ({"content": ...} for Discord). Retries a busy server; exit 2 when the post fails')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'This week: Monday to today (the last seven days on a weekend)')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first')
            [CompletionResult]::new('--all-teams', '--all-teams', [CompletionResultType]::ParameterName, 'Show every joined team in one view, each entry marked with its team (or give --team more than once)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;report' {
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'Where to write the page')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date or a span back (default: 4w)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first')
            [CompletionResult]::new('--all-teams', '--all-teams', [CompletionResultType]::ParameterName, 'Show every joined team in one view, each entry marked with its team (or give --team more than once)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;restore' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'Only print the dates that would be restored, one a line')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;reply' {
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Answer the update of this date instead of their latest (YYYY-MM-DD)')
            [CompletionResult]::new('--blocker', '--blocker', [CompletionResultType]::ParameterName, 'Answer one of the update''s blockers, by id')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'Answer one item of the update''s today list, counted from 1')
            [CompletionResult]::new('--react', '--react', [CompletionResultType]::ParameterName, 'React instead of replying: +1, eyes, check, heart, tada (or the emoji)')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--offer', '--offer', [CompletionResultType]::ParameterName, 'Offer help with the blocker given by --blocker')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Commit locally only; `async-up sync` pushes later')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;inbox' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--peek', '--peek', [CompletionResultType]::ParameterName, 'Show without marking anything read')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Ignore what was marked read: show everything current')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first; show what the mirror has')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;search' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start of the period: a date or a span back (7d, 2w, 3m, 1y); default: all')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'End of the period (YYYY-MM-DD; default: no end)')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only what this person wrote (repeat for several)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--regex', '--regex', [CompletionResultType]::ParameterName, 'Treat the pattern as a regular expression')
            [CompletionResult]::new('--no-fetch', '--no-fetch', [CompletionResultType]::ParameterName, 'Do not fetch first; search what the mirror has')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;remind' {
            [CompletionResult]::new('--scheduler', '--scheduler', [CompletionResultType]::ParameterName, 'The scheduler to install with (default: what this machine has)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Run at this time in your zone instead of the start of your hours')
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--fetch', '--fetch', [CompletionResultType]::ParameterName, 'Fetch first, so an update written on another machine counts')
            [CompletionResult]::new('--install', '--install', [CompletionResultType]::ParameterName, 'Install a schedule that runs `async-up remind` on your workdays')
            [CompletionResult]::new('--uninstall', '--uninstall', [CompletionResultType]::ParameterName, 'Remove the schedule --install made for the team (only it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what --install or --uninstall would write, and change nothing')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;doctor' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;generate-assets' {
            [CompletionResult]::new('--team', '--team', [CompletionResultType]::ParameterName, 'Use this configured team instead of the default one (also ASYNC_UP_TEAM); team, blockers, digest, stats and report take it more than once')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'Read straight from this git repository (bare or a checkout), without a mirror, config or fetch')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not touch the network: no fetch, no push (also ASYNC_UP_OFFLINE=1)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Exit 2 when a file in the team repo was skipped or flagged as untrue (see the warnings; also ASYNC_UP_STRICT=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'async-up;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Join a team')
            [CompletionResult]::new('write', 'write', [CompletionResultType]::ParameterValue, 'Write today''s update: yesterday, today, blockers')
            [CompletionResult]::new('team', 'team', [CompletionResultType]::ParameterValue, 'Show everyone''s latest update')
            [CompletionResult]::new('blockers', 'blockers', [CompletionResultType]::ParameterValue, 'List every open blocker in each member''s latest update')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Push local updates and fetch everyone else''s')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show one person''s updates, oldest first')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check that every commit to a member''s files was made by that member')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether you have written today''s update')
            [CompletionResult]::new('mentions', 'mentions', [CompletionResultType]::ParameterValue, 'List open blockers, today-items and replies that mention you (`@handle`), newest first')
            [CompletionResult]::new('me', 'me', [CompletionResultType]::ParameterValue, 'Set your time zone, workdays, working hours, focus blocks, region and email')
            [CompletionResult]::new('away', 'away', [CompletionResultType]::ParameterValue, 'Mark yourself away from one date until another (both included)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Show participation, blockers and wellbeing signals over a period')
            [CompletionResult]::new('digest', 'digest', [CompletionResultType]::ParameterValue, 'Summarise a period: plans against what was reported, blockers, time away')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write an HTML report: no network, no script, charts as inline SVG')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Put back your updates that a rewrite of the team''s history removed')
            [CompletionResult]::new('reply', 'reply', [CompletionResultType]::ParameterValue, 'Reply to a teammate''s update, or react to it')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'Show what is new since you last ran it, and mark it read')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search updates, blockers and replies, newest first')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Remind you to write your update, when it is time')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check git, identity, config, remote, branch, pending updates, clock and mirror')
            [CompletionResult]::new('generate-assets', 'generate-assets', [CompletionResultType]::ParameterValue, 'Write completions/ and man/ from this definition (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'async-up;help;init' {
            break
        }
        'async-up;help;write' {
            break
        }
        'async-up;help;team' {
            break
        }
        'async-up;help;blockers' {
            break
        }
        'async-up;help;sync' {
            break
        }
        'async-up;help;log' {
            break
        }
        'async-up;help;audit' {
            break
        }
        'async-up;help;status' {
            break
        }
        'async-up;help;mentions' {
            break
        }
        'async-up;help;me' {
            break
        }
        'async-up;help;away' {
            break
        }
        'async-up;help;stats' {
            break
        }
        'async-up;help;digest' {
            break
        }
        'async-up;help;report' {
            break
        }
        'async-up;help;restore' {
            break
        }
        'async-up;help;reply' {
            break
        }
        'async-up;help;inbox' {
            break
        }
        'async-up;help;search' {
            break
        }
        'async-up;help;remind' {
            break
        }
        'async-up;help;doctor' {
            break
        }
        'async-up;help;generate-assets' {
            break
        }
        'async-up;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

# Shell prompt hook for bash or zsh: a marker when today's stand-up is not
# written yet. `async-up status` never touches the network and is fast.
# Source this file from ~/.bashrc or ~/.zshrc.
# shellcheck shell=bash
async_up_prompt() {
  if command -v async-up >/dev/null 2>&1 && ! async-up status -q 2>/dev/null; then
    printf '[stand-up] '
  fi
}
if [ -n "${ZSH_VERSION:-}" ]; then
  setopt PROMPT_SUBST
  # Single quotes on purpose: the prompt runs the hook each time it is drawn.
  # shellcheck disable=SC2016
  PROMPT='$(async_up_prompt)'"$PROMPT"
else
  # shellcheck disable=SC2016
  PS1='$(async_up_prompt)'"$PS1"
fi

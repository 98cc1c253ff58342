# Shell prompt hook for bash or zsh: a marker when today's stand-up is not
# written yet, and how many things wait in `async-up inbox`. `async-up
# status` never touches the network and is fast; the count is as of the
# last fetch and marks nothing read.
# Source this file from ~/.bashrc or ~/.zshrc.
# shellcheck shell=bash
async_up_prompt() {
  command -v async-up >/dev/null 2>&1 || return 0
  local out rc unread
  out=$(async-up status 2>/dev/null)
  rc=$?
  if [ "$rc" -eq 1 ]; then
    printf '[stand-up] '
  fi
  # status says "N unread: run `async-up inbox`" on a line of its own.
  unread=$(printf '%s\n' "$out" | sed -n 's/^\([0-9][0-9]*\) unread:.*/\1/p')
  if [ -n "$unread" ]; then
    printf '[%s unread] ' "$unread"
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

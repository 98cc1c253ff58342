# Completes a command line in a real interactive zsh (through zsh/zpty) and
# prints "found" when the expected text shows up.
# Arguments: repository root, a temp dir, the line to complete, the text
# expected, and optionally a line of setup run after compinit.
zmodload zsh/zpty
zpty -b z 'zsh -f -i'
zpty -w z "fpath=($1/completions \$fpath); autoload -U compinit; compinit -u -d $2/zdump; ${5:-:}; PS1='READY> '"
zpty -r z out '*READY> *'
zpty -n -w z "$3"$'\t'
out=''
for i in {1..30}; do
  chunk=''
  zpty -r -t z chunk && out+=$chunk
  [[ $out == *"$4"* ]] && { print found; break }
  sleep 0.1
done
zpty -d z

#!/usr/bin/env bash
# Nightly-style fuzzing of one parser: fuzz/run.sh TARGET EXECS
#   TARGET: unit-file | exec-line | time-span | calendar | status-record | journal | all
#   EXECS:  executions per target (nightly: 10000000)
# Builds fuzz/Platform.Fuzz, instruments the assemblies under test with SharpFuzz (the `sharpfuzz` dotnet tool,
# installed into artifacts/fuzz/tools), and runs the coverage-guided in-process loop seeded from fuzz/corpus/TARGET.
# FUZZ_ENGINE=afl runs afl-fuzz (apt-get install afl++) on the same instrumented build instead, until EXECS (-E).
# Findings (crash-*, hang-*, oom-* with a .txt beside each) land in artifacts/fuzz/findings/TARGET; exit 1 when any.
# Reproduce one with: dotnet artifacts/fuzz/bin/Platform.Fuzz.dll replay TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh TARGET EXECS}
execs=${2:?usage: fuzz/run.sh TARGET EXECS}
engine=${FUZZ_ENGINE:-loop}
out=artifacts/fuzz
bin=$out/bin
if [ "$target" = all ]; then
  status=0
  for t in unit-file exec-line time-span calendar status-record journal; do "$0" "$t" "$execs" || status=1; done
  exit $status
fi

if [ ! -x "$out/tools/sharpfuzz" ]; then
  dotnet tool install --tool-path "$out/tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi
if [ ! -f "$bin/.instrumented" ] || [ -n "$(find fuzz src/Units src/Abstractions plugins/LogSinks plugins/StatusStores/Json -name '*.cs' -newer "$bin/.instrumented" -print -quit)" ]; then
  rm -rf "$bin"
  dotnet build fuzz/Platform.Fuzz -c Release -nologo -v quiet
  # A copy: the build in the tree stays uninstrumented for the CI smoke test.
  mkdir -p "$bin" && cp -r fuzz/Platform.Fuzz/bin/Release/net10.0/. "$bin/"
  # Only the code under test is instrumented: SharpFuzz's edge counters make the loop coverage-guided.
  for assembly in Platform.Abstractions Platform.Units Platform.LogSinks Platform.StatusStores.Json; do
    "$out/tools/sharpfuzz" "$bin/$assembly.dll" >/dev/null
  done
  touch "$bin/.instrumented"
fi

findings=$out/findings/$target
mkdir -p "$findings"
case "$engine" in
  loop)
    dotnet "$bin/Platform.Fuzz.dll" run "$target" --execs "$execs" --corpus "fuzz/corpus/$target" --findings "$findings" \
      --seed "${FUZZ_SEED:-$RANDOM}"
    ;;
  afl)
    command -v afl-fuzz >/dev/null || { echo "afl-fuzz is not installed (apt-get install afl++)" >&2; exit 2; }
    # .NET is not an AFL-instrumented binary and handles SIGSEGV itself; SharpFuzz speaks AFL's fork-server protocol.
    AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 \
      afl-fuzz -i "fuzz/corpus/$target" -o "$findings/afl" -t 5000 -m none -E "$execs" \
      -- dotnet "$bin/Platform.Fuzz.dll" afl "$target"
    crashes=$(find "$findings/afl" -path '*crashes/id:*' -o -path '*hangs/id:*' | wc -l)
    echo "$target: afl-fuzz finished, $crashes crashes and hangs in $findings/afl"
    [ "$crashes" = 0 ]
    ;;
  *) echo "FUZZ_ENGINE must be loop or afl" >&2; exit 2 ;;
esac

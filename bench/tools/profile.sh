#!/usr/bin/env bash
# Where does the time go? Samples one benchmark body (`SimLoop.Benchmarks profile <workload> [seconds]`) with
# Linux perf and prints the hottest functions (self time) and the share of each module (JIT code, the runtime's
# native code libcoreclr.so = mostly the GC here, kernel). Needs perf (Debian: linux-perf) and a Release build.
# JIT code is named through the runtime's perf map; W^X double mapping is turned off so the map matches.
# Usage: bash bench/tools/profile.sh <workload> [seconds] [top-N]
set -euo pipefail
cd "$(dirname "$0")/../.."
workload=${1:?usage: profile.sh <workload> [seconds] [top-N]}
seconds=${2:-10}
top=${3:-25}
dll=bench/SimLoop.Benchmarks/bin/Release/net10.0/SimLoop.Benchmarks.dll
[ -f "$dll" ] || dotnet build bench/SimLoop.Benchmarks -c Release -nologo -v q
data=$(mktemp /tmp/simloop-perf.XXXXXX)
trap 'rm -f "$data"' EXIT
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  perf record -F 999 -g -o "$data" dotnet "$dll" profile "$workload" "$seconds" 2>/dev/null | grep -v '^\[ perf'
echo "--- modules (self time)"
perf report -i "$data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -6 \
  | sed -E 's/\[JIT\] tid [0-9]+/JIT-compiled code/'
echo "--- top $top functions (self time; inlined callees count in their caller)"
perf report -i "$data" --no-children --sort symbol --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -"$top" \
  | sed -E 's/ +- +- *$//; s/\[OptimizedTier1\]|\[Optimized\]|\[Tier0\]|\[Tier1\]//; s/(instance )?(void|class|valuetype|bool|int32|int64|object) //g; s/\[[A-Za-z.]+\] //g; s/\(.*\)/()/; s/ +$//'

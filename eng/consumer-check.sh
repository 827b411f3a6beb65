#!/usr/bin/env bash
# The gate and the tool as a user outside this repository gets them: packs every package into a temporary local feed,
# then, in a temporary folder, (1) a test project with a PackageReference to Qwen3EvalTests.Xunit, the tiny suite and its
# recorded runs: `dotnet test` passes, the official cases skip, and changing one recorded answer fails the drift gate;
# (2) `dotnet tool install --tool-path` of qwen3eval and `qwen3eval run` there exits 0.
# .ci/run runs it after the tests. Nothing is written inside the repository but artifacts/ (git-ignored).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "consumer-check: $*" >&2; exit 1; }
feed="$work/feed"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)"
start=$SECONDS

dotnet pack "$repo/Qwen3EvalTests.sln" -o "$feed" -v q -nologo >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; fail "dotnet pack failed"; }
for id in Qwen3EvalTests Qwen3EvalTests.Inference Qwen3EvalTests.Application Qwen3EvalTests.Xunit qwen3eval; do
  [ -f "$feed/$id.$version.nupkg" ] || fail "dotnet pack wrote no $id.$version.nupkg"
done
# A package of the same version restored earlier would shadow the one just packed.
for id in qwen3evaltests qwen3evaltests.inference qwen3evaltests.application qwen3evaltests.xunit qwen3eval; do
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$id/$version"
done
echo "consumer-check: packed 5 packages in $((SECONDS - start)) s"

project="$work/consumer"
mkdir -p "$project/evalsuites" "$project/baselines" "$project/Snapshots"
cat >"$project/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
cat >"$project/MyModel.Gate.Tests.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <IsTestProject>true</IsTestProject>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Qwen3EvalTests.Xunit" Version="$version" />
    <PackageReference Include="Microsoft.ML.OnnxRuntimeGenAI" Version="0.19.0" Condition="'\$(EvalDevice)' != 'cuda'" />
    <PackageReference Include="Microsoft.ML.OnnxRuntimeGenAI.Cuda" Version="0.19.0" Condition="'\$(EvalDevice)' == 'cuda'" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
    <PackageReference Include="xunit.v3" Version="3.2.2" />
    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
  </ItemGroup>
</Project>
XML
cp "$repo/evalsuites/tiny.yaml" "$repo/evalsuites/qwen3.yaml" "$project/evalsuites/"
cp -r "$repo/baselines/runs" "$project/baselines/"
cp "$repo"/tests/Qwen3EvalTests.Gate.Tests/Snapshots/prompt-*.approved.txt "$project/Snapshots/"

cd "$project"
start=$SECONDS
dotnet test >"$work/test1.log" 2>&1 || { tail -n 60 "$work/test1.log"; fail "dotnet test of a project referencing Qwen3EvalTests.Xunit failed"; }
summary="$(grep -E '^(Passed|Failed)!' "$work/test1.log" | tail -n 1)"
echo "consumer-check: $summary ($((SECONDS - start)) s)"
grep -Eq 'Skipped: +[1-9]' <<<"$summary" || fail "the official cases did not skip: $summary"
grep -Eq 'Passed: +[1-9]' <<<"$summary" || fail "no gate case passed: $summary"

# The drift gate: one recorded answer changed must fail its case and name the drift.
recorded="baselines/runs/tiny/tiny-bytes-seed1/mmlu.json"
python3 - "$recorded" <<'PY'
import json, sys
path = sys.argv[1]
run = json.load(open(path, encoding="utf-8"))
q = run["questions"][0]
q["predicted"] = "B" if q["predicted"] != "B" else "C"
json.dump(run, open(path, "w", encoding="utf-8"), indent=2)
PY
if dotnet test --no-build >"$work/test2.log" 2>&1; then
  fail "changing a recorded answer did not fail the drift gate"
fi
grep -q 'Drift in tiny-bytes-seed1 · mmlu · qwen · 5-shot' "$work/test2.log" || { tail -n 40 "$work/test2.log"; fail "the failing run does not name the drift"; }
echo "consumer-check: a changed recorded answer fails 'tiny-bytes-seed1 · mmlu · qwen · 5-shot' with its drift"

# The tool, from the same feed, outside the repository.
start=$SECONDS
dotnet tool install --tool-path "$work/tool" qwen3eval --version "$version" --add-source "$feed" >"$work/tool.log" 2>&1 || { cat "$work/tool.log"; fail "dotnet tool install qwen3eval failed"; }
mkdir -p "$work/elsewhere" && cd "$work/elsewhere"
"$work/tool/qwen3eval" run --benchmark mmlu >"$work/run.log" 2>&1 || { cat "$work/run.log"; fail "qwen3eval run outside the repository failed"; }
grep -q 'mmlu-qwen-5shot.json' "$work/run.log" || { cat "$work/run.log"; fail "qwen3eval run wrote no results file"; }
echo "consumer-check: qwen3eval tool installed and 'qwen3eval run --benchmark mmlu' exited 0 outside the repository ($((SECONDS - start)) s)"

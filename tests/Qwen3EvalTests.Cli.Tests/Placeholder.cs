namespace Qwen3EvalTests.Cli.Tests;

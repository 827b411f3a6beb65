namespace Qwen3EvalTests.Inference.Tests;

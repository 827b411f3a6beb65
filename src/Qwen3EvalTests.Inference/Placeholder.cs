namespace Qwen3EvalTests.Inference;

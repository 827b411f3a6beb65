using Qwen3EvalTests.Cli;
using Qwen3EvalTests.Inference.GenAI;

NativeHeap.Configure();
return await QwenEvalCli.RunAsync(args, Console.Out, Console.Error);

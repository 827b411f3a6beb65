using Qwen3EvalTests.Cli;

return await QwenEvalCli.RunAsync(args, Console.Out, Console.Error);

using System.Globalization;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// Checks a command's options before anything loads: numbers in range, a known device, an output folder that can be
/// created and written (probed with a file that is created and deleted), a writable cache, an existing model folder.
/// Returns every problem, each naming the option and the fix; the caller throws them together with
/// <see cref="InputProblemList.ThrowIfAny"/>.
/// </summary>
public static class RunOptionsValidator
{
    public const string RunCommandLine = "qwen3eval run";

    /// <summary>Every problem of <c>qwen3eval run</c>'s options.</summary>
    public static InputProblemList Check(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new InputProblemList(RunCommandLine);
        if (options.Limit is { } limit)
        {
            AtLeast(problems, "--limit", limit, 1, "a run over no questions measures nothing; leave --limit out to score every question");
        }

        if (options.Shots is { } shots)
        {
            AtLeast(problems, "--shots", shots, 0, "pass 0 for zero-shot, or leave --shots out for the protocol's default");
        }

        AtLeast(problems, "--batch-size", options.BatchSize, 1, "1 reuses each subject's few-shot KV cache; more batches full prompts");
        AtLeast(problems, "--repeats", options.Repeats, 1, "1 runs each benchmark once");
        AtLeast(problems, "--seed", options.Seed, 0, "ONNX Runtime GenAI takes a negative seed as 'pick a random seed', which no rerun reproduces");
        if (!double.IsFinite(options.Temperature) || options.Temperature < 0)
        {
            problems.Add("--temperature", string.Create(CultureInfo.InvariantCulture, $"must be a finite number, 0 or more (got {options.Temperature}); 0 is greedy decoding."));
        }

        CheckDevice(problems, options.Device);
        foreach (var twice in options.Benchmarks.GroupBy(b => b).Where(g => g.Count() > 1))
        {
            problems.Add("--benchmark", $"{twice.Key.ToId()} is given {twice.Count()} times; each run of it would write the same results file. Name each benchmark once (use --repeats to run one several times).");
        }

        CheckModelFolder(problems, options.ModelFolder);
        CheckServedEngine(problems, options);
        CheckLlamaCppEngine(problems, options);
        CheckOutputFolder(problems, "--out", options.OutputFolder);
        if (!options.NoCache && options.Repeats == 1 && options.CacheFile is { } cache)
        {
            CheckCacheFile(problems, cache);
        }

        return problems;
    }

    /// <summary>Every problem of <c>qwen3eval sensitivity</c>'s options.</summary>
    public static InputProblemList CheckSensitivity(string? modelFolder, int limit, string device, string outputFolder)
    {
        var problems = new InputProblemList("qwen3eval sensitivity");
        AtLeast(problems, "--limit", limit, 1, "every setting scores the first N questions of each subject");
        CheckDevice(problems, device);
        CheckModelFolder(problems, modelFolder);
        CheckOutputFolder(problems, "--out", outputFolder);
        return problems;
    }

    /// <summary>Every problem of <c>qwen3eval tiny-model</c>'s options.</summary>
    public static InputProblemList CheckTinyModel(int seed, string outputFolder)
    {
        var problems = new InputProblemList("qwen3eval tiny-model");
        AtLeast(problems, "--seed", seed, 0, "the suites' generated models use seeds 0 and up");
        CheckOutputFolder(problems, "--out", outputFolder);
        return problems;
    }

    /// <summary>Every problem of <c>qwen3eval tiny-model measure</c>'s options.</summary>
    public static InputProblemList CheckMeasure(int questions, int prefixTokens, string? modelFolder)
    {
        var problems = new InputProblemList("qwen3eval tiny-model measure");
        AtLeast(problems, "--questions", questions, 1, null);
        AtLeast(problems, "--prefix-tokens", prefixTokens, 0, null);
        CheckModelFolder(problems, modelFolder);
        return problems;
    }

    /// <summary>Every problem of <c>qwen3eval tokenize</c>'s options: a model folder, and either --text or a question (--benchmark, --subject, --protocol), not both.</summary>
    public static InputProblemList CheckTokenize(TokenizeCommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new InputProblemList("qwen3eval tokenize");
        CheckModelFolder(problems, request.ModelFolder);
        if (request.Text is not null)
        {
            foreach (var (option, given) in new[]
            {
                ("--benchmark", request.Benchmark is not null), ("--subject", request.Subject is not null), ("--protocol", request.Protocol is not null),
                ("--index", request.Index is not null), ("--shots", request.Shots is not null), ("--chat", request.Chat), ("--data", request.DataDirectory is not null),
            })
            {
                if (given)
                {
                    problems.Add(option, $"applies to a benchmark question, not to --text; leave {option} out to tokenize the text, or leave --text out to tokenize a question.");
                }
            }

            return problems;
        }

        if (request.Benchmark is null)
        {
            problems.Add("--benchmark", "is required without --text: tokenize a text (--text S) or a question (--benchmark B --subject S --protocol P).");
        }

        foreach (var (option, value) in new[] { ("--subject", request.Subject), ("--protocol", request.Protocol) })
        {
            if (value is null)
            {
                problems.Add(option, "is required to tokenize a question (with --benchmark); or pass --text S to tokenize a text.");
            }
        }

        if (request.Index is { } index)
        {
            AtLeast(problems, "--index", index, 0, "it is the 0-based question index in the scored split");
        }

        if (request.Shots is { } shots)
        {
            AtLeast(problems, "--shots", shots, 0, "pass 0 for zero-shot, or leave --shots out for the protocol's default");
        }

        return problems;
    }

    /// <summary>--endpoint, --served-model, --concurrency and --api-key-env belong to --engine openai, which needs a well-formed http(s) URL and a set key variable.</summary>
    private static void CheckServedEngine(InputProblemList problems, RunOptions options)
    {
        if (options.Engine != EngineKind.OpenAi)
        {
            foreach (var (option, given) in new[] { ("--endpoint", options.Endpoint is not null), ("--served-model", options.ServedModel is not null), ("--concurrency", options.Concurrency is not null), ("--api-key-env", options.ApiKeyEnvironmentVariable is not null) })
            {
                if (given)
                {
                    problems.Add(option, options.Engine == EngineKind.LlamaServer
                        ? $"does not apply to --engine llama-server, which the harness starts on a free port with one slot; leave {option} out, or use --engine openai for a server of your own."
                        : $"applies to a served engine only; add --engine openai, or leave {option} out for the in-process {options.Engine.ToId()} engine.");
                }
            }

            return;
        }

        if (options.Endpoint is null)
        {
            problems.Add("--endpoint", "is required with --engine openai: the server's URL, e.g. http://127.0.0.1:8000 (vLLM, SGLang or llama.cpp's llama-server).");
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            problems.Add("--endpoint", $"'{RedactedEndpoint.Of(options.Endpoint)}' is not a well-formed http or https URL; pass the server's base address, e.g. http://127.0.0.1:8000.");
        }

        if (options.ServedModel is { } served && string.IsNullOrWhiteSpace(served))
        {
            problems.Add("--served-model", "is empty; pass the model name the server serves, or leave --served-model out to use the server's first model.");
        }

        if (!(options.RequestTimeoutSeconds > 0) || !double.IsFinite(options.RequestTimeoutSeconds))
        {
            problems.Add("--request-timeout", string.Create(CultureInfo.InvariantCulture, $"must be a number of seconds above 0 (got {options.RequestTimeoutSeconds}); the default is {ServedEngineOptions.DefaultRequestTimeoutSeconds}."));
        }

        if (options.Retries < 0)
        {
            problems.Add("--retries", string.Create(CultureInfo.InvariantCulture, $"must be 0 or more (got {options.Retries}); 0 fails a request on its first timeout or server error."));
        }

        if (options.Concurrency is { } concurrency)
        {
            AtLeast(problems, "--concurrency", concurrency, 1, "it is the number of requests in flight at once; 1 sends them one by one");
        }

        if (options.ApiKeyEnvironmentVariable is { } variable && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            problems.Add("--api-key-env", $"the environment variable {variable} is not set or empty; export the server's API key in it, or leave --api-key-env out for a server without a key.");
        }
    }

    /// <summary>
    /// The llamacpp engine and llama-server run llama.cpp's CPU backend at batch 1 with prefix reuse: --device cuda and --batch-size
    /// above 1 do not apply; both read the folder's model.gguf, and llama-server needs its binary.
    /// </summary>
    private static void CheckLlamaCppEngine(InputProblemList problems, RunOptions options)
    {
        if (options.Engine is not (EngineKind.LlamaCpp or EngineKind.LlamaServer))
        {
            return;
        }

        var id = options.Engine.ToId();
        var backend = options.Engine == EngineKind.LlamaCpp ? "LLamaSharp's CPU backend" : "eng/llama-server.sh's CPU build";
        if (options.Device != "cpu")
        {
            problems.Add("--device", $"'{options.Device}' does not apply to --engine {id}, which runs {backend}; leave --device out or use --engine genai --device cuda.");
        }

        if (options.BatchSize != 1)
        {
            problems.Add("--batch-size", $"{options.BatchSize} does not apply to --engine {id}, which scores one prompt at a time and reuses each shared prefix's KV cache; leave --batch-size out.");
        }

        if (options.Engine == EngineKind.LlamaServer && !File.Exists(LlamaServerProcess.BinaryPath))
        {
            problems.Add(new InputProblem(LlamaServerProcess.BinaryPath, null, "--engine", $"llama-server starts llama.cpp's llama-server, and there is no binary at {LlamaServerProcess.BinaryPath}: build it with 'bash eng/llama-server.sh' (its last line is the path), set {LlamaServerProcess.BinaryVariable} to an existing binary, or use another --engine."));
        }
    }

    private static void AtLeast(InputProblemList problems, string option, long value, long min, string? why)
    {
        if (value < min)
        {
            problems.Add(option, string.Create(CultureInfo.InvariantCulture, $"must be {(min == 0 ? "0 or more" : $"at least {min}")} (got {value}){(why is null ? "." : $"; {why}.")}"));
        }
    }

    private static void CheckDevice(InputProblemList problems, string device)
    {
        if (device is not ("cpu" or "cuda"))
        {
            problems.Add("--device", $"'{device}' is not an execution provider; use cpu or cuda.");
        }
    }

    private static void CheckModelFolder(InputProblemList problems, string? modelFolder)
    {
        if (modelFolder is null || Directory.Exists(modelFolder))
        {
            return;
        }

        var full = Path.GetFullPath(modelFolder);
        problems.Add(new InputProblem(full, null, "--model", File.Exists(full)
            ? "is a file; pass the model folder that holds genai_config.json, the ONNX model and the tokenizer files."
            : "the model folder does not exist; check the path, or generate a test model with 'qwen3eval tiny-model --out DIR'."));
    }

    /// <summary>The folder must be a folder (or creatable: its nearest existing ancestor a writable folder).</summary>
    private static void CheckOutputFolder(InputProblemList problems, string option, string folder)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            problems.Add(new InputProblem(full, null, option, $"is an existing file, not a folder; pass a folder for {option} (it is created when missing)."));
            return;
        }

        if (Unwritable(full) is { } reason)
        {
            problems.Add(new InputProblem(full, null, option, $"cannot be created or written ({reason}); choose a writable folder with {option}."));
        }
    }

    private static void CheckCacheFile(InputProblemList problems, string cacheFile)
    {
        var full = Path.GetFullPath(cacheFile);
        if (Directory.Exists(full))
        {
            problems.Add(new InputProblem(full, null, "--cache", "is a folder; pass a file path for the request cache (e.g. DIR/cache.sqlite), or --no-cache."));
            return;
        }

        if (Unwritable(Path.GetDirectoryName(full)!) is { } reason)
        {
            problems.Add(new InputProblem(full, null, "--cache", $"its folder cannot be created or written ({reason}); pass --cache with a writable file, or --no-cache."));
        }
    }

    /// <summary>Why <paramref name="folder"/> cannot be written, or null: probes its nearest existing ancestor by creating and deleting a file.</summary>
    private static string? Unwritable(string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return $"{existing} is a file, so no folder can be made below it";
            }

            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return "no part of the path exists";
            }
        }

        var probe = Path.Combine(existing, $".qwen3eval-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{existing}: {e.Message}";
        }
    }
}

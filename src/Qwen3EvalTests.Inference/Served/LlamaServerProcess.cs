using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Qwen3EvalTests.Inference.Served;

/// <summary>
/// llama.cpp's llama-server (built by eng/llama-server.sh) started on 127.0.0.1 with a model.gguf and the settings that
/// parity with the in-process engines needs (flash attention off, F32 KV cache, one slot unless asked for more), then stopped:
/// for engine parity runs, <c>bench</c> and the tests of the served backend against a real server. /metrics is on (bench reads
/// the prompt tokens the server processed there). The server's output is kept (the last lines) for messages.
/// </summary>
public sealed class LlamaServerProcess : IDisposable
{
    /// <summary>The node-llama-cpp version whose bundled llama.cpp source eng/llama-server.sh builds (llama.cpp release v0.5.0).</summary>
    public const string NodeLlamaCppVersion = "3.22.1";

    /// <summary>The binary's path, when set (.ci/run exports the script's last line in it).</summary>
    public const string BinaryVariable = "QWEN3EVAL_LLAMA_SERVER";

    /// <summary>The script's cache root, when set (default ~/.cache/qwen3eval/llama-server).</summary>
    public const string CacheVariable = "QWEN3EVAL_LLAMA_SERVER_CACHE";

    private const int KeptLines = 40;

    private readonly string binary;
    private readonly string ggufPath;
    private readonly Queue<string> output = new();
    private readonly TimeSpan startTimeout;
    private readonly int? contextPerSlot;
    private Process? process;

    private LlamaServerProcess(string binary, string ggufPath, int port, TimeSpan startTimeout, int slots, int? contextPerSlot)
    {
        this.binary = binary;
        this.ggufPath = ggufPath;
        this.startTimeout = startTimeout;
        this.contextPerSlot = contextPerSlot;
        Port = port;
        Slots = slots;
    }

    /// <summary>Where the binary is: $QWEN3EVAL_LLAMA_SERVER, else where eng/llama-server.sh caches it.</summary>
    public static string BinaryPath => Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } path ? path : DefaultBinaryPath;

    /// <summary>${QWEN3EVAL_LLAMA_SERVER_CACHE:-~/.cache/qwen3eval/llama-server}/3.22.1/llama-server, as eng/llama-server.sh writes it.</summary>
    public static string DefaultBinaryPath => Path.Combine(
        Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "qwen3eval", "llama-server"),
        NodeLlamaCppVersion,
        "llama-server");

    public int Port { get; }

    /// <summary>The server's slots (<c>-np</c>): how many requests it decodes at once.</summary>
    public int Slots { get; }

    /// <summary>The running server's process id (for its resident set in /proc), or null when it is not running.</summary>
    public int? ProcessId => process is { HasExited: false } running ? running.Id : null;

    /// <summary>This server's settings: <see cref="Settings"/> with its slot count and context per slot.</summary>
    public string SettingsText => Slots == 1
        ? Settings
        : string.Create(CultureInfo.InvariantCulture, $"flash_attn off, kv f32, {Slots} slots (-np {Slots}) of n_ctx {contextPerSlot} each (--kv-unified-per-slot), prompt cache on (slots and --cache-ram's default host cache)");

    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The pinned settings, as the engine-parity report lists them.</summary>
    public static string Settings => "flash_attn off, kv f32, n_ctx from the GGUF, 1 slot, prompt cache on (the slot and --cache-ram's default host cache)";

    /// <summary>
    /// Starts <paramref name="binary"/> on a free port with <paramref name="ggufPath"/> and waits until /health answers ok.
    /// One slot takes its context from the GGUF (<c>-c 0 -np 1</c>); more slots (<c>-np N</c>) each get
    /// <paramref name="contextPerSlot"/> tokens (<c>--kv-unified-per-slot</c>: a KV pool of N × that, so every slot holds a
    /// prompt as long as one slot would).
    /// </summary>
    /// <exception cref="EvalInputException">The binary or the GGUF is missing.</exception>
    /// <exception cref="InvalidOperationException">The server exited or did not become healthy in time (its output is quoted).</exception>
    public static LlamaServerProcess Start(string binary, string ggufPath, TimeSpan? startTimeout = null, int slots = 1, int? contextPerSlot = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        if (slots > 1 && contextPerSlot is not > 0)
        {
            throw new ArgumentException("more than one slot needs the context of each slot.", nameof(contextPerSlot));
        }

        if (!File.Exists(binary))
        {
            throw new EvalInputException($"llama-server not found at {binary}: build it with 'bash eng/llama-server.sh' (its last line is the path), or set {BinaryVariable} to an existing binary.", binary, field: BinaryVariable);
        }

        if (!File.Exists(ggufPath))
        {
            throw new EvalInputException($"llama-server needs a GGUF model, and {ggufPath} does not exist.", ggufPath);
        }

        var server = new LlamaServerProcess(binary, ggufPath, FreePort(), startTimeout ?? TimeSpan.FromSeconds(60), slots, contextPerSlot);
        try
        {
            server.Launch();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Kills the server (a lost server, as a crash or an OOM kill leaves it) and waits for it to exit.</summary>
    public void Kill()
    {
        if (process is { } running)
        {
            try
            {
                if (!running.HasExited)
                {
                    running.Kill(entireProcessTree: true);
                }

                running.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            running.Dispose();
            process = null;
        }
    }

    /// <summary>Starts the server again on the same port with the same model.</summary>
    public void Restart()
    {
        Kill();
        Launch();
    }

    /// <summary>The server's last lines of output.</summary>
    public string OutputTail()
    {
        lock (output)
        {
            return string.Join('\n', output);
        }
    }

    public void Dispose() => Kill();

    private void Launch()
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var c = CultureInfo.InvariantCulture;
        string[] context = Slots == 1 ? ["-c", "0", "-np", "1"] : ["-np", Slots.ToString(c), "--kv-unified-per-slot", contextPerSlot!.Value.ToString(c)];
        string[] arguments =
        [
            "-m", ggufPath, "--host", "127.0.0.1", "--port", Port.ToString(c),
            .. context, "-t", Environment.ProcessorCount.ToString(c),
            "-fa", "off", "-ctk", "f32", "-ctv", "f32", "--no-webui", "--offline", "--metrics",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilHealthy();
    }

    private void WaitUntilHealthy()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < startTimeout)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"llama-server exited with code {process.ExitCode} while loading {ggufPath}: {OutputTail()}");
            }

            try
            {
                using var response = http.GetAsync(new Uri(Endpoint, "health")).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException($"llama-server did not answer /health with 200 within {startTimeout.TotalSeconds:0} s on {Endpoint}: {OutputTail()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Enqueue(line);
            while (output.Count > KeptLines)
            {
                output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.Served;

/// <summary>
/// A llama-server the harness started, used as a served engine: its engine description is the server's with the settings it was
/// started with, and disposing it disconnects and stops the server.
/// </summary>
public sealed class StartedLlamaServerModel : LanguageModelDecorator
{
    private StartedLlamaServerModel(LlamaServerProcess server, ServedLanguageModel served)
        : base(served)
    {
        Server = server;
        Served = served;
        EngineDescription = $"{served.EngineDescription}; started with {server.SettingsText}";
    }

    /// <summary>The running server.</summary>
    public LlamaServerProcess Server { get; }

    /// <summary>The connection to it.</summary>
    public ServedLanguageModel Served { get; }

    public override string EngineDescription { get; }

    /// <summary>Starts <paramref name="binary"/> with <paramref name="ggufPath"/> and connects to it; the server is stopped when connecting fails.</summary>
    /// <param name="connect">Connects a served model to the started server's endpoint.</param>
    public static StartedLlamaServerModel Start(string binary, string ggufPath, int slots, int? contextPerSlot, Func<Uri, ServedLanguageModel> connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        var server = LlamaServerProcess.Start(binary, ggufPath, slots: slots, contextPerSlot: contextPerSlot);
        try
        {
            return new StartedLlamaServerModel(server, connect(server.Endpoint));
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Disconnects, then stops the server.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Server.Dispose();
        }
    }
}

using Microsoft.ML.OnnxRuntimeGenAI;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Inference.GenAI;

public sealed partial class GenAiLanguageModel
{
    private string GenerateUnguarded(string prompt, GenerationSettings settings, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var promptTokens = Encode(prompt).ToArray();
        if (promptTokens.Length == 0)
        {
            promptTokens = [folder.BosTokenId];
        }

        GuardPadToken(promptTokens, "prompt");
        if (promptTokens.Length >= folder.ContextLength)
        {
            promptTokens = promptTokens[^(folder.ContextLength - 1)..];
        }

        var maxLength = Math.Min(folder.ContextLength, promptTokens.Length + settings.MaxNewTokens);
        using var generatorParams = new GeneratorParams(model);
        GenerationSearchOptions.Apply(generatorParams, settings, maxLength);
        using var generator = new Generator(model, generatorParams);
        Forward(generator, promptTokens, promptTokens.Length);

        var generated = new List<int>();
        var text = "";
        while (!generator.IsDone() && generated.Count < settings.MaxNewTokens)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            generator.GenerateNextToken();
            forwardTime += stopwatch.Elapsed;
            forwardCalls++;
            var next = generator.GetNextTokens()[0];
            if (IsEndOfSequence(next))
            {
                break;
            }

            generated.Add(next);
            text = tokenizer.Decode(generated.ToArray());
            if (FirstStop(text, settings.StopStrings) is { } cut)
            {
                return text[..cut];
            }
        }

        return text;
    }

    private bool IsEndOfSequence(int token) => eosTokenIds.Contains(token);

    private static int? FirstStop(string text, IReadOnlyList<string>? stopStrings)
    {
        int? first = null;
        foreach (var stop in stopStrings ?? [])
        {
            var index = stop.Length == 0 ? -1 : text.IndexOf(stop, StringComparison.Ordinal);
            if (index >= 0 && (first is null || index < first))
            {
                first = index;
            }
        }

        return first;
    }
}

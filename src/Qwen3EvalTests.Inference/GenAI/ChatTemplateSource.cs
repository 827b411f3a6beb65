namespace Qwen3EvalTests.Inference.GenAI;

/// <summary>Where a model folder's chat template was found.</summary>
public enum ChatTemplateSource
{
    /// <summary>No chat template in the folder.</summary>
    None,

    /// <summary>chat_template.jinja (transformers ≥ 4.50 save_pretrained, current builder exports); read first, as transformers does.</summary>
    ChatTemplateJinja,

    /// <summary>tokenizer_config.json's chat_template (older save_pretrained).</summary>
    TokenizerConfig,
}

import TextpipeCLI

// The stock binary: textpipe's own stages and pipelines. A package of your own
// writes the same line with its stages added (see TextpipeCommand).
TextpipeCommand.main(stages: BuiltinStages.all)

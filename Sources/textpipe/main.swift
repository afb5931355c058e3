import Textpipe
@main struct Main { static func main() {} }

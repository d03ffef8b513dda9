// Keeps the driver, tests and Pax Exam test of the chosen HAL interface; deletes the other interfaces' files.
import java.nio.file.Files
import java.nio.file.Paths

def classes = [memory: 'DirectMemoryDriver', thread: 'PooledThreadDriver']
def chosen = request.properties.get('halInterface')
def root = Paths.get(request.outputDirectory, request.artifactId)
def others = classes.findAll { it.key != chosen }.values()
Files.walk(root).withCloseable { paths ->
    paths.filter { path -> others.any { path.fileName.toString().startsWith(it) } }.toList()
}.each { Files.delete(it) }

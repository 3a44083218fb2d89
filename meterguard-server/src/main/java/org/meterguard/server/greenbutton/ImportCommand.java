package org.meterguard.server.greenbutton;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.meterguard.core.MeterId;
import org.meterguard.greenbutton.ImportRejected;
import org.meterguard.server.MeterguardApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The history import from the command line, with a progress display. It runs the server's store against the
 * same data directory (or {@code MG_DB_URL}) without the head-end, the demo or the jobs, so stop a server using
 * the same embedded database first:
 *
 * <pre>
 * java -cp meterguard-server.jar -Dloader.main=org.meterguard.server.greenbutton.ImportCommand \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --green-button FILE --meter MG-1
 * java -cp … --csv FILE
 * </pre>
 *
 * Exit status: 0 imported, 2 the file was refused (nothing stored; the message names the line), 1 anything else.
 */
public final class ImportCommand {
    private ImportCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String greenButton = option(args, "--green-button");
        String csv = option(args, "--csv");
        String meter = option(args, "--meter");
        if ((greenButton == null) == (csv == null) || (greenButton != null && meter == null)) {
            err.println("usage: ImportCommand (--green-button FILE --meter METER_ID | --csv FILE) [--actor NAME]"
                    + " [server options such as --meterguard.data-dir=DIR]");
            return 1;
        }
        Path file = Path.of(greenButton != null ? greenButton : csv);
        if (!Files.isReadable(file)) {
            err.println("cannot read " + file);
            return 1;
        }
        String actor = option(args, "--actor") == null ? System.getProperty("user.name") : option(args, "--actor");
        try (ConfigurableApplicationContext context =
                SpringApplication.run(MeterguardApplication.class, serverArgs(args))) {
            HistoryImport importer = context.getBean(HistoryImport.class);
            ImportProgress progress = (pass, readings) ->
                    err.printf(Locale.ROOT, "\r%s %,d readings", pass == 1 ? "checking" : "storing ", readings);
            ImportResult result = greenButton != null
                    ? importer.importGreenButton(file, MeterId.of(meter), actor, progress)
                    : importer.importCsv(file, actor, progress);
            err.println();
            result.warnings().forEach(w -> err.println("warning: " + w));
            out.printf(
                    Locale.ROOT,
                    "imported %,d readings from %s: %,d new days, %,d days completed, %,d conflicts kept out%n",
                    result.readings(),
                    file.getFileName(),
                    result.newDays(),
                    result.changedDays(),
                    result.conflicts());
            return 0;
        } catch (ImportRejected e) {
            err.println();
            err.println(file.getFileName() + " refused, nothing stored: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println();
            err.println("import failed, nothing stored: " + e.getMessage());
            return 1;
        }
    }

    private static String[] serverArgs(String[] args) {
        List<String> server = new ArrayList<>(List.of(
                "--server.port=0",
                "--meterguard.headend.port=0",
                "--meterguard.headend.tls.enabled=false",
                "--meterguard.demo.enabled=false",
                "--meterguard.vee.enabled=false",
                "--meterguard.retention.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn"));
        for (String arg : args) {
            if (arg.startsWith("--meterguard.") || arg.startsWith("--spring.")) {
                server.add(arg);
            }
        }
        return server.toArray(String[]::new);
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}

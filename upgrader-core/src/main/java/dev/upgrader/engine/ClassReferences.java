package dev.upgrader.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * The classes that a class's bytecode refers to: its supertypes, the types of its fields,
 * method signatures (generics included), exceptions and annotations, and every type its
 * code creates, casts to, calls, reads or writes. Read with the ASM that Spring Framework
 * repackages, so the engine needs no other library.
 */
final class ClassReferences {

	/** A class name in a descriptor or a generic signature: {@code Lpkg/Name;}. */
	private static final Pattern CLASS_IN_DESCRIPTOR = Pattern.compile("L([^;<]+)[;<]");

	private ClassReferences() {
	}

	/**
	 * Reads the classes that a class refers to.
	 * @param className the binary name of the class
	 * @param classLoader where to find its class file
	 * @return the binary names of the classes referred to, or {@code null} when the class
	 * file cannot be read (a class generated at run time, say)
	 */
	static @Nullable Set<String> of(String className, @Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ClassLoader.getSystemClassLoader();
		try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
			if (in == null) {
				return null;
			}
			Collector collector = new Collector();
			new ClassReader(in).accept(collector, ClassReader.SKIP_FRAMES);
			collector.names.remove(className);
			return collector.names;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static final class Collector extends ClassVisitor {

		private final Set<String> names = new TreeSet<>();

		private final AnnotationVisitor annotations = new AnnotationVisitor(SpringAsmInfo.ASM_VERSION) {

			@Override
			public void visitEnum(String name, String descriptor, String value) {
				descriptor(descriptor);
			}

			@Override
			public void visit(String name, Object value) {
				constant(value);
			}

			@Override
			public AnnotationVisitor visitAnnotation(String name, String descriptor) {
				descriptor(descriptor);
				return this;
			}

			@Override
			public AnnotationVisitor visitArray(String name) {
				return this;
			}

		};

		Collector() {
			super(SpringAsmInfo.ASM_VERSION);
		}

		@Override
		public void visit(int version, int access, String name, String signature, String superName,
				String[] interfaces) {
			internalName(superName);
			if (interfaces != null) {
				for (String type : interfaces) {
					internalName(type);
				}
			}
			descriptor(signature);
		}

		@Override
		public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			descriptor(descriptor);
			return this.annotations;
		}

		@Override
		public void visitInnerClass(String name, String outerName, String innerName, int access) {
			internalName(name);
			internalName(outerName);
		}

		@Override
		public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
			descriptor(descriptor);
			descriptor(signature);
			return new FieldVisitor(SpringAsmInfo.ASM_VERSION) {

				@Override
				public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
					descriptor(annotation);
					return Collector.this.annotations;
				}

			};
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			descriptor(descriptor);
			descriptor(signature);
			if (exceptions != null) {
				for (String exception : exceptions) {
					internalName(exception);
				}
			}
			return new Code();
		}

		private void descriptor(@Nullable String descriptor) {
			if (descriptor != null) {
				Matcher matcher = CLASS_IN_DESCRIPTOR.matcher(descriptor);
				while (matcher.find()) {
					internalName(matcher.group(1));
				}
			}
		}

		private void internalName(@Nullable String internalName) {
			if (internalName != null) {
				if (internalName.startsWith("[")) {
					descriptor(internalName);
				}
				else {
					this.names.add(internalName.replace('/', '.'));
				}
			}
		}

		private void constant(@Nullable Object value) {
			if (value instanceof Type type) {
				descriptor(type.getDescriptor());
			}
			else if (value instanceof Handle handle) {
				internalName(handle.getOwner());
				descriptor(handle.getDesc());
			}
		}

		private final class Code extends MethodVisitor {

			Code() {
				super(SpringAsmInfo.ASM_VERSION);
			}

			@Override
			public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
				descriptor(descriptor);
				return Collector.this.annotations;
			}

			@Override
			public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
				descriptor(descriptor);
				return Collector.this.annotations;
			}

			@Override
			public void visitTypeInsn(int opcode, String type) {
				internalName(type);
			}

			@Override
			public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
				internalName(owner);
				descriptor(descriptor);
			}

			@Override
			public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
				internalName(owner);
				descriptor(descriptor);
			}

			@Override
			public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
					Object... bootstrapMethodArguments) {
				descriptor(descriptor);
				for (Object argument : bootstrapMethodArguments) {
					constant(argument);
				}
			}

			@Override
			public void visitLdcInsn(Object value) {
				constant(value);
			}

			@Override
			public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
				descriptor(descriptor);
			}

			@Override
			public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
				internalName(type);
			}

			@Override
			public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end,
					int index) {
				descriptor(descriptor);
				descriptor(signature);
			}

		}

	}

}
